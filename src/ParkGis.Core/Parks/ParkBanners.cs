using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.OverlayNG;
using ParkGis.Core.Assessment;
using ParkGis.Core.Crs;
using ParkGis.Core.Data;
using ParkGis.Core.Localization;

namespace ParkGis.Core.Parks;

/// <summary>
/// The one park-to-旗区 rule (docs/rules.md#banners), beside the parcel-to-park rule: a park's 旗区 is its
/// <c>banner</c> attribute; when the dataset has a <c>banners</c> layer (旗区 boundaries), it is the 旗区 the park
/// overlaps most, and an attribute that disagrees is a data issue (<c>banner_mismatch</c>). Parcels inherit the 旗区
/// of their park; land in no park has none.
/// </summary>
public sealed class ParkBanners
{
    private const string BannerField = "banner";

    private readonly Dictionary<string, string> _banners;
    private readonly ScreenedLayer? _layer;

    private ParkBanners(Dictionary<string, string> banners, IReadOnlyList<DataIssue> issues, ScreenedLayer? layer)
    {
        _banners = banners;
        Issues = issues;
        _layer = layer;
    }

    /// <summary>No park has a 旗区.</summary>
    public static ParkBanners None { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal), [], null);

    /// <summary>The attribute and layer fields the rule reads (a scoped read must keep them).</summary>
    public static IReadOnlyDictionary<LayerRole, IReadOnlyList<string>> FieldsUsed { get; } = new Dictionary<LayerRole, IReadOnlyList<string>>
    {
        [LayerRole.Parks] = [BannerField],
        [LayerRole.Banners] = ["name", BannerField],
    };

    /// <summary>Data issues: attributes that disagree with the banners layer.</summary>
    public IReadOnlyList<DataIssue> Issues { get; }

    /// <summary>True when the 旗区 come from a banners layer, false when from the parks' attribute.</summary>
    public bool FromLayer => _layer is not null;

    /// <summary>
    /// The 旗区 of the banners layer an area overlaps most (docs/rules.md#banners), or null without a banners layer
    /// or when it overlaps none; for land that is not a park, e.g. an approval batch without a <c>banner</c> attribute.
    /// </summary>
    /// <param name="area">The area in <paramref name="crs"/>.</param>
    /// <param name="crs">A projected CRS.</param>
    public string? LargestOverlap(Geometry area, CrsDefinition crs)
    {
        ArgumentNullException.ThrowIfNull(area);
        ArgumentNullException.ThrowIfNull(crs);
        return _layer is null ? null : LargestOverlap(area, crs, _layer);
    }

    /// <summary>The 旗区 of a park, or empty when it has none (or the id is empty: land in no park).</summary>
    public string Of(string parkId) => _banners.GetValueOrDefault(parkId ?? string.Empty) ?? string.Empty;

    /// <summary>Applies the rule to the parks layer as read and the screened parks and banners.</summary>
    /// <param name="parks">The parks layer as read (every park's attribute), or null.</param>
    /// <param name="screenedParks">The screened parks (geometry for the overlap), or null.</param>
    /// <param name="banners">The screened banners layer, or null when the dataset has none.</param>
    /// <param name="cancellation">Stops the work.</param>
    public static ParkBanners Assign(Layer? parks, ScreenedLayer? screenedParks, ScreenedLayer? banners, CancellationToken cancellation = default)
    {
        if (parks is null)
        {
            return None;
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var park in parks.Features)
        {
            if (parks.Text(park, BannerField) is { } attribute)
            {
                result.TryAdd(park.Id, attribute);
            }
        }

        if (banners is null || screenedParks is null)
        {
            return new ParkBanners(result, [], null);
        }

        // docs/rules.md#banners
        var issues = new List<DataIssue>();
        for (var i = 0; i < screenedParks.Count; i++)
        {
            cancellation.ThrowIfCancellationRequested();
            var id = screenedParks.Features[i].Id;
            var crs = screenedParks.AnalysisCrsOf(i);
            var best = LargestOverlap(screenedParks.GeometryInAnalysisCrs(i), crs, banners);
            if (best is null)
            {
                continue;
            }

            if (result.TryGetValue(id, out var attribute) && !string.Equals(attribute, best, StringComparison.Ordinal))
            {
                issues.Add(new DataIssue(LayerRoles.Name(LayerRole.Parks), id, DataIssueCodes.BannerMismatch,
                    Localized.Format("ParkBannerDisagrees", attribute, best, best)));
            }

            result[id] = best;
        }

        return new ParkBanners(result, issues, banners);
    }

    private static string? LargestOverlap(Geometry area, CrsDefinition crs, ScreenedLayer banners)
    {
        var inCrs = banners.Projections.In(crs);
        string? best = null;
        var bestArea = 0.0;
        for (var j = 0; j < banners.Count; j++)
        {
            var banner = inCrs.Geometry(j);
            if (!banner.EnvelopeInternal.Intersects(area.EnvelopeInternal))
            {
                continue;
            }

            var overlap = OverlayNGRobust.Overlay(area, banner, NetTopologySuite.Operation.Overlay.SpatialFunction.Intersection).Area;
            var name = banners.Text(j, "name") ?? banners.Text(j, BannerField) ?? banners.Features[j].Id;
            if (overlap > bestArea || (overlap == bestArea && overlap > 0 && string.CompareOrdinal(name, best) < 0))
            {
                (best, bestArea) = (name, overlap);
            }
        }

        return best;
    }
}
