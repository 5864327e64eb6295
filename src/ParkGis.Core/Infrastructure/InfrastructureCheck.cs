using NetTopologySuite.Geometries;
using ParkGis.Core.Assessment;
using ParkGis.Core.Crs;
using ParkGis.Core.Data;
using ParkGis.Core.Errors;
using ParkGis.Core.Idle;
using ParkGis.Core.Localization;
using ParkGis.Core.Parks;

namespace ParkGis.Core.Infrastructure;

/// <summary>
/// 九通一平 coverage (基础设施配套): for every park and utility network, the share of the park's supplied or built
/// parcels (by area) within the network's service distance, the parcels not served, and whether the park meets
/// all of them and has levelled land. A parcel is measured in its own analysis CRS (its area is the one every
/// analysis uses), whether a park has steam in the park's; each network is indexed once per analysis CRS
/// (<see cref="ServiceAreas"/>), never per park or parcel, and the parcels are measured on every core.
/// </summary>
public sealed class InfrastructureCheck
{
    /// <summary>Parcels measured by one task of the parallel loop: enough to outweigh scheduling, few enough to stop promptly on cancellation.</summary>
    private const int ParcelsPerTask = 64;

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
            issues.AddRange(AbsentFields.Issues(parcels.Layer, ParcelFields.SuppliedOn));
            var placements = assessment.ParcelParks;
            issues.AddRange(placements.Issues);

            // Each parcel's park, or -1 when it is in none or neither supplied nor built, decided on every core; taken in
            // parcel order.
            var parkOf = new int[parcels.Count];
            Parallel.For(0, parkOf.Length, i => parkOf[i] =
                placements.Of(i) is { } placement && ParcelStatus.IsSuppliedOrBuilt(parcels.Layer, parcels.Features[i].Source) ? placement.ParkIndex : -1);
            for (var i = 0; i < parkOf.Length; i++)
            {
                if (parkOf[i] >= 0)
                {
                    supplied.Add((i, parkOf[i]));
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

        // Each parcel is measured in its own analysis CRS: its area is the one every analysis uses.
        var members = new Member[parks.Features.Count][];
        if (parcels is { Count: > 0 })
        {
            _ = parcels.AreaM2(0); // every parcel's area measured here, on every core, rather than inside the loop below
        }

        Parallel.For(0, members.Length, j => members[j] = byPark[j]
            .Select(i => new Member(parcels!.Features[i].Id, parcels.AnalysisCrsOf(i), parcels.GeometryInAnalysisCrs(i), parcels.AreaM2(i)))
            .OrderBy(p => p.Id, StringComparer.Ordinal)
            .ToArray());

        // Every service area the parcels and the parks' steam test will ask for, built at once on every core rather
        // than one at a time, the other threads waiting, when the loop first meets it.
        var parcelZones = members.SelectMany(m => m).Select(p => p.Crs).DistinctBy(c => c.Epsg).ToList();
        var parkZones = Enumerable.Range(0, parks.Features.Count).Select(parksScreened.AnalysisCrsOf).DistinctBy(c => c.Epsg).ToList();
        var wanted = networks
            .Where(n => n.Value is not null)
            .SelectMany(n => parcelZones.Concat(n.Key == LayerRole.Steam ? parkZones : []).DistinctBy(c => c.Epsg).Select(c => (Network: n.Value!, Crs: c)))
            .ToList();
        ParallelFailures.RethrowFirst(() => Parallel.ForEach(wanted, new ParallelOptions { CancellationToken = assessment.Cancellation }, w => w.Network.In(w.Crs)));

        var measured = Measure(members.SelectMany(m => m).ToArray(), networks, assessment.Cancellation);
        // The parks on every core (the steam test of a large park is the slow part), each result in its park's slot.
        var results = new ParkInfrastructure[parks.Features.Count];
        var firsts = new int[results.Length];
        for (var j = 1; j < firsts.Length; j++)
        {
            firsts[j] = firsts[j - 1] + members[j - 1].Length;
        }

        ParallelFailures.RethrowFirst(() => Parallel.For(0, results.Length, new ParallelOptions { CancellationToken = assessment.Cancellation }, j =>
        {
            var profile = profiles.TryGetValue(parks.Features[j].Id, out var p) ? p : ParkProfile.Empty(parks.Features[j].Id);
            results[j] = CheckPark(parksScreened, j, members[j], measured.Served, measured.Gaps, firsts[j], networks, profile);
        }));

        var builds = networks.Values.Sum(n => n?.Builds ?? 0);
        issues.Sort(DataIssueOrder.Compare);
        return new InfrastructureResult(results.OrderBy(r => r.ParkId, StringComparer.Ordinal).ToList(), issues.Distinct().ToList(), _options, builds);
    }

    /// <summary>
    /// Every parcel against every network, on every core: whether the network serves it and, when not, its distance
    /// (<see cref="UtilityNetworks.All"/> order, one row per parcel; not served and no distance for a missing network).
    /// Each result lands in its parcel's own row, so the outcome does not depend on which thread measured what.
    /// </summary>
    private static (bool[] Served, double[] Gaps) Measure(Member[] parcels, Dictionary<LayerRole, ServiceAreas?> networks, CancellationToken cancellation)
    {
        var roles = UtilityNetworks.All;
        var served = new bool[parcels.Length * roles.Count];
        var gaps = new double[parcels.Length * roles.Count];
        var chunks = (parcels.Length + ParcelsPerTask - 1) / ParcelsPerTask;
        ParallelFailures.RethrowFirst(() => Parallel.For(0, chunks, new ParallelOptions { CancellationToken = cancellation }, chunk =>
        {
            var end = Math.Min(parcels.Length, (chunk + 1) * ParcelsPerTask);
            for (var k = chunk * ParcelsPerTask; k < end; k++)
            {
                cancellation.ThrowIfCancellationRequested();
                var parcel = parcels[k];
                var linework = parcel.Geometry.IsEmpty ? null : Linework.Of(parcel.Geometry);
                for (var r = 0; r < roles.Count; r++)
                {
                    if (networks[roles[r]] is not { } network)
                    {
                        continue;
                    }

                    var area = network.In(parcel.Crs);
                    var slot = (k * roles.Count) + r;
                    served[slot] = linework is null ? area.Serves(parcel.Geometry) : area.Serves(linework);
                    if (!served[slot])
                    {
                        // Infinity for a network without features.
                        gaps[slot] = linework is null ? area.DistanceTo(parcel.Geometry) ?? double.PositiveInfinity : area.DistanceTo(linework);
                    }
                }
            }
        }));
        return (served, gaps);
    }

    private ParkInfrastructure CheckPark(
        ScreenedLayer parks, int index, Member[] members, bool[] isServed, double[] gaps, int first, Dictionary<LayerRole, ServiceAreas?> networks, ParkProfile profile)
    {
        var feature = parks.Features[index];
        var crs = parks.AnalysisCrsOf(index);
        var park = parks.Projections.In(crs).Geometry(index);
        var suppliedArea = members.Sum(p => p.AreaM2);
        var hasSteam = networks[LayerRole.Steam] is { } steam && steam.In(crs).Serves(park);

        var roles = UtilityNetworks.All;
        var coverages = new List<UtilityCoverage>();
        for (var r = 0; r < roles.Count; r++)
        {
            var role = roles[r];
            var distance = _options.DistanceM(role);
            var required = role != LayerRole.Steam || hasSteam;
            if (networks[role] is null)
            {
                coverages.Add(new UtilityCoverage(role, distance, LayerPresent: false, required, null, 0, [], null));
                continue;
            }

            double served = 0;
            var unserved = new List<UnservedParcel>();
            for (var k = 0; k < members.Length; k++)
            {
                var (id, parcelCrs, geometry, area) = members[k];
                var slot = ((first + k) * roles.Count) + r;
                if (isServed[slot])
                {
                    served += area;
                }
                else
                {
                    unserved.Add(new UnservedParcel(id, geometry, parcelCrs, area, gaps[slot]));
                }
            }

            double? coverage = suppliedArea > 0 ? (unserved.Count == 0 ? 1.0 : served / suppliedArea) : null;
            coverages.Add(new UtilityCoverage(role, distance, LayerPresent: true, required, coverage, served, unserved,
                coverage is { } c ? c >= _options.MinCoverage : null));
        }

        var meetsNetworks = And(coverages.Where(c => c.Required).Select(c => c.Meets));
        var name = parks.Text(index, "name") ?? string.Empty;
        return new ParkInfrastructure(feature.Id, name, crs, members.Length, suppliedArea, coverages, hasSteam, meetsNetworks, profile.Levelled,
            And([meetsNetworks, profile.Levelled]));
    }

    /// <summary>Three-valued AND: false if any is false, else null if any is unknown, else true.</summary>
    private static bool? And(IEnumerable<bool?> values)
    {
        var list = values.ToList();
        return list.Any(v => v == false) ? false : list.Any(v => v is null) ? null : true;
    }

    /// <summary>A supplied/built parcel of a park, in its analysis CRS.</summary>
    private sealed record Member(string Id, CrsDefinition Crs, Geometry Geometry, double AreaM2);
}
