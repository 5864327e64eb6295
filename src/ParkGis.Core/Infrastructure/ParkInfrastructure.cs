using ParkGis.Core.Crs;
using ParkGis.Core.Data;
using ParkGis.Core.Localization;

namespace ParkGis.Core.Infrastructure;

/// <summary>The 九通一平 state of one park.</summary>
/// <param name="ParkId">The park id.</param>
/// <param name="Name">The park name, empty when unknown.</param>
/// <param name="Crs">The analysis CRS.</param>
/// <param name="SuppliedParcels">Number of supplied/built parcels (已供/已建宗地) placed in the park.</param>
/// <param name="SuppliedAreaM2">Their planar area (m²).</param>
/// <param name="Utilities">One entry per utility role, in <see cref="UtilityNetworks.All"/> order.</param>
/// <param name="HasSteam">The park has a steam network (a steam feature within its service distance of the park).</param>
/// <param name="MeetsNetworks">Every required network meets the minimum coverage (九通); null when one is unknown and none fails.</param>
/// <param name="Levelled">The park's land is levelled (一平), as declared; null when not declared.</param>
/// <param name="MeetsAll">九通一平: networks and levelling both met; null when either is unknown and neither fails.</param>
public sealed record ParkInfrastructure(
    string ParkId,
    string Name,
    CrsDefinition Crs,
    int SuppliedParcels,
    double SuppliedAreaM2,
    IReadOnlyList<UtilityCoverage> Utilities,
    bool HasSteam,
    bool? MeetsNetworks,
    bool? Levelled,
    bool? MeetsAll)
{
    /// <summary>Mean coverage over the required networks (0–1), or null when any of them is unknown.</summary>
    public double? MeanCoverage
    {
        get
        {
            var required = Utilities.Where(u => u.Required).ToList();
            return required.Count == 0 || required.Any(u => u.Coverage is null) ? null : required.Average(u => u.Coverage!.Value);
        }
    }

    /// <summary>Why <see cref="MeanCoverage"/> is null: the missing layers, or no supplied parcels; null when it is known.</summary>
    public string? MissingForCoverage
    {
        get
        {
            if (MeanCoverage is not null)
            {
                return null;
            }

            var missing = Utilities.Where(u => u.Required && !u.LayerPresent).Select(u => LayerRoles.Name(u.Utility)).ToList();
            return missing.Count > 0
                ? Localized.Format("MissingUtilityLayersNamed", ResourceText.List(missing))
                : Localized.Get("MissingSuppliedParcels");
        }
    }
}
