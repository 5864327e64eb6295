using ParkGis.Core.Assessment;
using ParkGis.Core.Data;
using ParkGis.Core.Errors;
using ParkGis.Core.Localization;
using ParkGis.Core.Parks;

namespace ParkGis.Core.Infrastructure;

/// <summary>
/// 九通一平 coverage (基础设施配套): for every park and utility network, the share of the park's supplied or built
/// parcels (by area) within the network's service distance, the parcels not served, and whether the park meets
/// all of them and has levelled land. A parcel is measured in its own analysis CRS (its area is the one every
/// analysis uses), whether a park has steam in the park's; each network is buffered
/// and unioned once per analysis CRS (<see cref="ServiceAreas"/>), never per park or parcel.
/// </summary>
public sealed class InfrastructureCheck
{
    private readonly InfrastructureOptions _options;
    private readonly IProgress<string>? _progress;

    /// <summary>Creates a check with the given options.</summary>
    public InfrastructureCheck(InfrastructureOptions options, IProgress<string>? progress = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _progress = progress;
    }

    /// <summary>Runs the check with default options and the profiles of the parks layer.</summary>
    public static InfrastructureResult Run(Dataset dataset) => new InfrastructureCheck(InfrastructureOptions.Default).Check(dataset);

    /// <summary>Runs the check on a dataset as read (invalid geometry left out).</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="profiles">Park profiles (levelled land); null to read them from the parks layer.</param>
    /// <exception cref="UnusableInputException">The dataset has no parks layer.</exception>
    public InfrastructureResult Check(Dataset dataset, IReadOnlyDictionary<string, ParkProfile>? profiles = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var settings = profiles is null ? DatasetSettings.None : new DatasetSettings(profiles, null);
        return Check(new ParkAssessment(new AssessmentInputs(dataset, settings), progress: _progress));
    }

    /// <summary>Runs the check on the screened layers, park profiles and parcel placements of an assessment.</summary>
    /// <exception cref="UnusableInputException">The dataset has no parks layer.</exception>
    public InfrastructureResult Check(ParkAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var issues = new List<DataIssue>(assessment.Dataset.Issues);
        var parksLayer = assessment.RequireLayer(LayerRole.Parks, "九通一平 coverage");
        var profiles = assessment.ParkProfiles;
        assessment.Screen(LayerRole.Parks, LayerRole.Parcels);
        var parksScreened = assessment.Screened(LayerRole.Parks)!;
        issues.AddRange(parksScreened.Issues);
        var parks = parksScreened.Projections;

        var supplied = new List<(int Parcel, int Park)>();
        var parcels = assessment.Screened(LayerRole.Parcels);
        if (parcels is not null)
        {
            issues.AddRange(parcels.Issues);
            var placements = assessment.ParcelParks;
            issues.AddRange(placements.Issues);
            for (var i = 0; i < parcels.Count; i++)
            {
                if (placements.Of(i) is { } placement && ParcelStatus.IsSuppliedOrBuilt(parcels.Layer, parcels.Features[i].Source))
                {
                    supplied.Add((i, placement.ParkIndex));
                }
            }
        }
        else
        {
            issues.Add(new DataIssue("parcels", string.Empty, DataIssueCodes.MissingLayer,
                Localized.Get("InfrastructureNoParcels")));
        }

        var networks = new Dictionary<LayerRole, ServiceAreas?>();
        foreach (var role in UtilityNetworks.All)
        {
            if (assessment.Network(role) is { } network)
            {
                issues.AddRange(network.Issues);
                networks[role] = new ServiceAreas(network.Features, network.Layer.Crs, _options.DistanceM(role));
            }
            else
            {
                networks[role] = null;
                if (role != LayerRole.Steam)
                {
                    issues.Add(new DataIssue(LayerRoles.Name(role), string.Empty, DataIssueCodes.MissingLayer,
                        Localized.Format("NetworkLayerMissing", LayerRoles.Name(role), LayerRoles.Label(role))));
                }
            }
        }

        _progress?.Report(Localized.Format("ProgressInfrastructure", parks.Features.Count, supplied.Count));
        var byPark = supplied.ToLookup(s => s.Park, s => s.Parcel);
        var results = new ParkInfrastructure[parks.Features.Count];
        Parallel.For(0, parks.Features.Count, new ParallelOptions { CancellationToken = assessment.Cancellation }, j =>
        {
            var profile = profiles.TryGetValue(parks.Features[j].Id, out var p) ? p : ParkProfile.Empty(parks.Features[j].Id);
            results[j] = CheckPark(parksScreened, j, parcels, byPark[j].ToList(), networks, profile);
        });

        var builds = networks.Values.Sum(n => n?.Builds ?? 0);
        issues.Sort(DataIssueOrder.Compare);
        return new InfrastructureResult(results.OrderBy(r => r.ParkId, StringComparer.Ordinal).ToList(), issues.Distinct().ToList(), _options, builds);
    }

    private ParkInfrastructure CheckPark(
        ScreenedLayer parks, int index, ScreenedLayer? parcels, List<int> parcelIndexes, Dictionary<LayerRole, ServiceAreas?> networks, ParkProfile profile)
    {
        var feature = parks.Features[index];
        var crs = parks.AnalysisCrsOf(index);
        var park = parks.Projections.In(crs).Geometry(index);

        // Each parcel is measured in its own analysis CRS: its area is the one every analysis uses.
        var members = parcelIndexes
            .Select(i => (Id: parcels!.Features[i].Id, Crs: parcels.AnalysisCrsOf(i), Geometry: parcels.GeometryInAnalysisCrs(i), AreaM2: parcels.AreaM2(i)))
            .OrderBy(p => p.Id, StringComparer.Ordinal)
            .ToList();
        var suppliedArea = members.Sum(p => p.AreaM2);
        var hasSteam = networks[LayerRole.Steam] is { } steam && steam.In(crs).Serves(park);

        var coverages = new List<UtilityCoverage>();
        foreach (var role in UtilityNetworks.All)
        {
            var distance = _options.DistanceM(role);
            var required = role != LayerRole.Steam || hasSteam;
            if (networks[role] is not { } network)
            {
                coverages.Add(new UtilityCoverage(role, distance, LayerPresent: false, required, null, 0, [], null));
                continue;
            }

            double served = 0;
            var unserved = new List<UnservedParcel>();
            foreach (var (id, parcelCrs, geometry, area) in members)
            {
                if (network.In(parcelCrs).Serves(geometry))
                {
                    served += area;
                }
                else
                {
                    unserved.Add(new UnservedParcel(id, geometry, parcelCrs, area, network.In(parcelCrs).DistanceTo(geometry) ?? double.PositiveInfinity));
                }
            }

            double? coverage = suppliedArea > 0 ? (unserved.Count == 0 ? 1.0 : served / suppliedArea) : null;
            coverages.Add(new UtilityCoverage(role, distance, LayerPresent: true, required, coverage, served, unserved,
                coverage is { } c ? c >= _options.MinCoverage : null));
        }

        var meetsNetworks = And(coverages.Where(c => c.Required).Select(c => c.Meets));
        var name = parks.Text(index, "name") ?? string.Empty;
        return new ParkInfrastructure(feature.Id, name, crs, members.Count, suppliedArea, coverages, hasSteam, meetsNetworks, profile.Levelled,
            And([meetsNetworks, profile.Levelled]));
    }

    /// <summary>Three-valued AND: false if any is false, else null if any is unknown, else true.</summary>
    private static bool? And(IEnumerable<bool?> values)
    {
        var list = values.ToList();
        return list.Any(v => v == false) ? false : list.Any(v => v is null) ? null : true;
    }
}
