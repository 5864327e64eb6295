using ParkGis.Core.Analysis;
using ParkGis.Core.Data;
using ParkGis.Core.Errors;
using ParkGis.Core.Parks;
using ParkGis.Core.Supply;

namespace ParkGis.Core.Idle;

/// <summary>
/// Applies <see cref="IdleLandRule"/> to every parcel of a dataset on an as-of date (闲置土地调查): status, idle
/// days, fee and reclaim per parcel, areas measured spatially in each parcel's analysis CRS, parcels assigned to
/// parks (park_id, else largest overlap), and totals per park. No clock: the as-of date is a parameter.
/// </summary>
public sealed class IdleLandSurvey
{
    private readonly IProgress<string>? _progress;

    /// <summary>Creates a survey.</summary>
    public IdleLandSurvey(IProgress<string>? progress = null) => _progress = progress;

    /// <summary>Runs a survey without progress reports.</summary>
    public static IdleLandResult Run(Dataset dataset, DateOnly asOf) => new IdleLandSurvey().Survey(dataset, asOf);

    /// <summary>Runs the survey.</summary>
    /// <exception cref="UnusableInputException">The dataset has no parcels layer.</exception>
    public IdleLandResult Survey(Dataset dataset, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var issues = new List<DataIssue>(dataset.Issues);
        var parcelLayer = dataset.Find(LayerRole.Parcels)
            ?? throw new UnusableInputException(ErrorCodes.RequiredLayerMissing, "The dataset has no parcels layer (宗地), which idle-land needs.", dataset.Name,
                hint: "Add parcels.geojson, parcels.shp or a 'parcels' layer in a GeoPackage, or map the role in parkgis.json.");
        _progress?.Report($"screening parcels ({parcelLayer.Features.Count} features)");
        var screened = new LayerProjections(FeatureScreening.Screen(parcelLayer, repairInvalid: false, issues), parcelLayer.Crs);
        LayerProjections? parks = null;
        var parkNames = new Dictionary<string, string>(StringComparer.Ordinal);
        if (dataset.Find(LayerRole.Parks) is { } parksLayer)
        {
            var parkIssues = new List<DataIssue>();
            parks = new LayerProjections(ParkScreening.Screen(parksLayer, repairInvalid: false, parkIssues), parksLayer.Crs);
            issues.AddRange(parkIssues);
            foreach (var park in parksLayer.Features)
            {
                parkNames.TryAdd(park.Id, parksLayer.Text(park, "name") ?? string.Empty);
            }
        }

        _progress?.Report("assigning parcels to parks");
        var assigned = ParcelParkAssignment.Assign(parcelLayer, screened, parks);
        var areaM2 = AnalysisCrs.AreaFunction(parcelLayer.Crs);
        var byId = new Dictionary<Feature, (string ParkId, PolygonalFeature Polygonal)>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < screened.Features.Count; i++)
        {
            byId[screened.Features[i].Source] = (assigned[i], screened.Features[i]);
        }

        _progress?.Report($"applying the idle-land rule on {asOf:yyyy-MM-dd}");
        var rows = new List<IdleParcel>(parcelLayer.Features.Count);
        foreach (var feature in parcelLayer.Features.OrderBy(f => f.Id, StringComparer.Ordinal))
        {
            var facts = ParcelLifecycleReader.Read(parcelLayer, feature, issues);
            var verdict = IdleLandRule.Evaluate(facts, asOf);
            if (verdict.Problem is { } problem)
            {
                var code = verdict.ProblemField is { } field && facts.IsUnreadable(field) ? DataIssueCodes.UnparseableValue : DataIssueCodes.MissingValue;
                issues.Add(new DataIssue(LayerRoles.Name(parcelLayer.Role), feature.Id, code,
                    verdict.Status == IdleStatus.Unknown ? $"Status unknown: {problem}" : problem));
            }

            var parkId = parcelLayer.Text(feature, ParcelFields.ParkId) ?? string.Empty;
            double area = 0;
            NetTopologySuite.Geometries.Geometry? geometry = null;
            if (byId.TryGetValue(feature, out var screenedFeature))
            {
                parkId = screenedFeature.ParkId;
                geometry = screenedFeature.Polygonal.Geometry;
                area = areaM2(geometry);
            }

            rows.Add(new IdleParcel(feature.Id, parkId, area, verdict, geometry, parcelLayer.Crs));
        }

        var parksSummary = rows.GroupBy(r => r.ParkId, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Summarize(g.Key, parkNames.GetValueOrDefault(g.Key) ?? string.Empty, g.ToList()))
            .ToList();
        issues.Sort(DataIssueOrder.Compare);
        return new IdleLandResult(asOf, rows, parksSummary, Summarize(string.Empty, string.Empty, rows), issues);
    }

    private static IdleParkSummary Summarize(string parkId, string name, IReadOnlyList<IdleParcel> rows)
    {
        var idle = rows.Where(r => IdleStatuses.IsIdle(r.Verdict.Status)).ToList();
        var reclaim = idle.Where(r => r.Verdict.ReclaimEligible).ToList();
        var notStarted = rows.Where(r => r.Verdict.SuppliedNotStarted).ToList();
        return new IdleParkSummary(
            parkId,
            name,
            idle.Count,
            idle.Sum(r => r.AreaM2),
            idle.Sum(r => r.Verdict.IdleFeeWan ?? 0),
            reclaim.Count,
            reclaim.Sum(r => r.AreaM2),
            rows.Count(r => r.Verdict.Status == IdleStatus.GovernmentDelay),
            notStarted.Count,
            notStarted.Sum(r => r.AreaM2),
            rows.Count(r => r.Verdict.Status == IdleStatus.Unknown));
    }
}
