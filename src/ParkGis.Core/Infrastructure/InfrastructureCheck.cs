using ParkGis.Core.Analysis;
using ParkGis.Core.Data;
using ParkGis.Core.Errors;
using ParkGis.Core.Parks;

namespace ParkGis.Core.Infrastructure;

/// <summary>
/// 九通一平 coverage (基础设施配套): for every park and utility network, the share of the park's supplied or built
/// parcels (by area) within the network's service distance, the parcels not served, and whether the park meets
/// all of them and has levelled land. Distances are metres in each park's analysis CRS; each network is buffered
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

    /// <summary>Runs the check.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="profiles">Park profiles (levelled land); null to read them from the parks layer.</param>
    /// <exception cref="UnusableInputException">The dataset has no parks layer.</exception>
    public InfrastructureResult Check(Dataset dataset, IReadOnlyDictionary<string, ParkProfile>? profiles = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var issues = new List<DataIssue>(dataset.Issues);
        var parksLayer = dataset.Find(LayerRole.Parks)
            ?? throw new UnusableInputException(ErrorCodes.RequiredLayerMissing, "The dataset has no parks layer.", dataset.Name,
                hint: "Add parks.geojson, parks.shp or a 'parks' layer in a GeoPackage, or map the role in parkgis.json.");
        profiles ??= ParkProfiles.FromLayer(parksLayer);
        var parks = new LayerProjections(ParkScreening.Screen(parksLayer, _options.FixInvalidGeometry, issues), parksLayer.Crs);

        var supplied = new List<(int Parcel, int Park)>();
        LayerProjections? parcels = null;
        if (dataset.Find(LayerRole.Parcels) is { } parcelLayer)
        {
            parcels = new LayerProjections(FeatureScreening.Screen(parcelLayer, _options.FixInvalidGeometry, issues), parcelLayer.Crs);
            var placements = ParcelAssignment.Assign(parcelLayer, parcels, parks);
            for (var i = 0; i < placements.Count; i++)
            {
                if (placements[i] is { } placement && ParcelStatus.IsSuppliedOrBuilt(parcelLayer, parcels.Features[i].Source))
                {
                    supplied.Add((i, placement.ParkIndex));
                }
            }
        }
        else
        {
            issues.Add(new DataIssue("parcels", string.Empty, DataIssueCodes.MissingLayer,
                "No parcels layer (宗地) in the dataset: coverage cannot be measured."));
        }

        var networks = new Dictionary<LayerRole, ServiceAreas?>();
        foreach (var role in UtilityNetworks.All)
        {
            if (dataset.Find(role) is { } layer)
            {
                networks[role] = new ServiceAreas(NetworkScreening.Screen(layer, issues), layer.Crs, _options.DistanceM(role));
            }
            else
            {
                networks[role] = null;
                if (role != LayerRole.Steam)
                {
                    issues.Add(new DataIssue(LayerRoles.Name(role), string.Empty, DataIssueCodes.MissingLayer,
                        $"No {LayerRoles.Name(role)} layer ({LayerRoles.ChineseName(role)}) in the dataset: that network's coverage is unknown."));
                }
            }
        }

        _progress?.Report($"measuring 九通一平 coverage of {parks.Features.Count} parks ({supplied.Count} supplied or built parcels)");
        var byPark = supplied.ToLookup(s => s.Park, s => s.Parcel);
        var results = new ParkInfrastructure[parks.Features.Count];
        Parallel.For(0, parks.Features.Count, j =>
        {
            var profile = profiles.TryGetValue(parks.Features[j].Id, out var p) ? p : ParkProfile.Empty(parks.Features[j].Id);
            results[j] = CheckPark(parksLayer, parks, j, parcels, byPark[j].ToList(), networks, profile);
        });

        var builds = networks.Values.Sum(n => n?.Builds ?? 0);
        return new InfrastructureResult(results.OrderBy(r => r.ParkId, StringComparer.Ordinal).ToList(), issues, _options, builds);
    }

    private ParkInfrastructure CheckPark(
        Layer parksLayer, LayerProjections parks, int index, LayerProjections? parcels, List<int> parcelIndexes,
        Dictionary<LayerRole, ServiceAreas?> networks, ParkProfile profile)
    {
        var feature = parks.Features[index];
        var crs = AnalysisCrs.For(parks.SourceCrs, feature.Geometry);
        var park = parks.In(crs).Geometry(index);
        var parcelsHere = parcels?.In(crs);
        var geometries = parcelIndexes.Select(i => (Id: parcels!.Features[i].Id, Geometry: parcelsHere!.Geometry(i))).OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
        var suppliedArea = geometries.Sum(p => p.Geometry.Area);
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

            var area = network.In(crs);
            double served = 0;
            var unserved = new List<UnservedParcel>();
            foreach (var (id, geometry) in geometries)
            {
                if (area.Serves(geometry))
                {
                    served += geometry.Area;
                }
                else
                {
                    unserved.Add(new UnservedParcel(id, geometry, geometry.Area));
                }
            }

            double? coverage = suppliedArea > 0 ? (unserved.Count == 0 ? 1.0 : served / suppliedArea) : null;
            coverages.Add(new UtilityCoverage(role, distance, LayerPresent: true, required, coverage, served, unserved,
                coverage is { } c ? c >= _options.MinCoverage : null));
        }

        var meetsNetworks = And(coverages.Where(c => c.Required).Select(c => c.Meets));
        var name = parksLayer.Text(feature.Source, "name") ?? string.Empty;
        return new ParkInfrastructure(feature.Id, name, crs, geometries.Count, suppliedArea, coverages, hasSteam, meetsNetworks, profile.Levelled,
            And([meetsNetworks, profile.Levelled]));
    }

    /// <summary>Three-valued AND: false if any is false, else null if any is unknown, else true.</summary>
    private static bool? And(IEnumerable<bool?> values)
    {
        var list = values.ToList();
        return list.Any(v => v == false) ? false : list.Any(v => v is null) ? null : true;
    }
}
