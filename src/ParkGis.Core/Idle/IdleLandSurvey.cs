using ParkGis.Core.Analysis;
using ParkGis.Core.Assessment;
using ParkGis.Core.Data;
using ParkGis.Core.Errors;
using ParkGis.Core.Localization;

namespace ParkGis.Core.Idle;

/// <summary>
/// Applies <see cref="IdleLandRule"/> to every parcel of a dataset on an as-of date (闲置土地调查): status, idle
/// days, fee and reclaim per parcel, areas measured spatially in each parcel's analysis CRS, parcels placed in parks
/// by the one parcel-to-park rule (<see cref="Parks.ParcelParks"/>), and totals per park. Parcels left out for their
/// geometry are left out here too (the screening's data issue says so). No clock: the as-of date is a parameter.
/// </summary>
public sealed class IdleLandSurvey
{
    private readonly IProgress<string>? _progress;
    private readonly IdleRules _rules;

    /// <summary>Creates a survey.</summary>
    /// <param name="progress">Receives progress lines; may be null.</param>
    /// <param name="rules">The local choices of the rule; null for <see cref="IdleRules.Default"/>.</param>
    public IdleLandSurvey(IProgress<string>? progress = null, IdleRules? rules = null)
    {
        _progress = progress;
        _rules = rules ?? IdleRules.Default;
    }

    /// <summary>
    /// The layers the survey reads: the parcels, and the parks and 旗区 boundaries that place them (a scoped read may
    /// leave every other layer unopened).
    /// </summary>
    public static IReadOnlyCollection<LayerRole> LayersUsed { get; } = [LayerRole.Parcels, LayerRole.Parks, LayerRole.Banners];

    /// <summary>
    /// The attribute fields the survey reads, by canonical name per layer role (besides each layer's id): the parcels'
    /// recorded park (<see cref="Parks.ParcelParks"/>) and lifecycle (<see cref="ParcelLifecycleReader"/>), the park
    /// names, and what the 旗区 rule reads (<see cref="Parks.ParkBanners.FieldsUsed"/>). A reader may skip every other field.
    /// </summary>
    public static IReadOnlyDictionary<LayerRole, IReadOnlyList<string>> FieldsUsed { get; } = new Dictionary<LayerRole, IReadOnlyList<string>>
    {
        [LayerRole.Parcels] =
        [
            ParcelFields.ParkId, ParcelFields.SuppliedOn, ParcelFields.AgreedStart, ParcelFields.ActualStart, ParcelFields.HaltedSince,
            ParcelFields.DevelopedRatio, ParcelFields.InvestedRatio, ParcelFields.LandPriceWan, ParcelFields.GovernmentCause,
        ],
        [LayerRole.Parks] = ["name", .. Parks.ParkBanners.FieldsUsed[LayerRole.Parks]],
        [LayerRole.Banners] = Parks.ParkBanners.FieldsUsed[LayerRole.Banners],
    };

    /// <summary>Runs a survey without progress reports.</summary>
    public static IdleLandResult Run(Dataset dataset, DateOnly asOf) => new IdleLandSurvey().Survey(dataset, asOf);

    /// <summary>Runs the survey on a dataset as read (invalid geometry left out).</summary>
    /// <exception cref="UnusableInputException">The dataset has no parcels layer.</exception>
    public IdleLandResult Survey(Dataset dataset, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return Survey(ParkAssessment.Of(dataset, progress: _progress), asOf);
    }

    /// <summary>Runs the survey on the screened parcels of an assessment: a parcel left out for its geometry is left out here too.</summary>
    /// <exception cref="UnusableInputException">The dataset has no parcels layer.</exception>
    public IdleLandResult Survey(ParkAssessment assessment, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var issues = new List<DataIssue>(assessment.Dataset.Issues);
        var parcelLayer = assessment.RequireLayer(LayerRole.Parcels, "idle-land");
        assessment.Screen(LayerRole.Parcels, LayerRole.Parks);
        var parcels = assessment.Screened(LayerRole.Parcels)!;
        issues.AddRange(parcels.Issues);
        var parkNames = new Dictionary<string, string>(StringComparer.Ordinal);
        if (assessment.Screened(LayerRole.Parks) is { } parks)
        {
            issues.AddRange(parks.Issues);
            foreach (var park in parks.Layer.Features)
            {
                parkNames.TryAdd(park.Id, parks.Layer.Text(park, "name") ?? string.Empty);
            }
        }

        var placements = assessment.ParcelParks;
        issues.AddRange(placements.Issues);
        _progress?.Report(Localized.Format("ProgressIdleRule", asOf));
        var layerName = LayerRoles.Name(parcelLayer.Role);
        var judged = new IdleParcel[parcels.Count];
        var started = new bool[parcels.Count];
        var found = new List<DataIssue>?[parcels.Count]; // each parcel's issues, merged in parcel order
        ParallelFailures.RethrowFirst(() => Parallel.For(0, parcels.Count, new ParallelOptions { CancellationToken = assessment.Cancellation }, i =>
        {
            var own = new List<DataIssue>();
            var feature = parcels.Features[i].Source;
            var facts = ParcelLifecycleReader.Read(parcelLayer, feature, parcels.AreaM2(i), own);
            var verdict = IdleLandRule.Evaluate(facts, asOf, _rules);
            if (verdict.Problem is { } problem)
            {
                var code = verdict.ProblemField is { } field && facts.IsUnreadable(field) ? DataIssueCodes.UnparseableValue : DataIssueCodes.MissingValue;
                own.Add(new DataIssue(layerName, feature.Id, code,
                    verdict.Status == IdleStatus.Unknown ? Localized.Format("IdleStatusUnknown", problem) : problem));
            }

            if (verdict.Cause == IdleStatuses.GovernmentCause && GovernmentCauses.Recognise(facts.GovernmentCause!) is null)
            {
                own.Add(new DataIssue(layerName, feature.Id, DataIssueCodes.UnrecognisedValue,
                    Localized.Format(GovernmentCauses.IsBareYes(facts.GovernmentCause!) ? "IdleGovernmentCauseNoItem" : "IdleUnknownGovernmentCause", facts.GovernmentCause)));
            }

            var supplied = facts.SuppliedOn is { } on && on <= asOf && !facts.IsUnreadable(ParcelFields.SuppliedOn);
            judged[i] = new IdleParcel(feature.Id, placements.ParkIdOf(i), parcels.AreaM2(i), verdict, parcels.Features[i].Geometry, parcelLayer.Crs) { Supplied = supplied };
            started[i] = supplied && facts.ActualStart is { } actual && actual <= asOf;
            found[i] = own.Count > 0 ? own : null;
        }));
        foreach (var own in found)
        {
            if (own is not null)
            {
                issues.AddRange(own);
            }
        }

        // An exact copy of a parcel (a record entered twice) is judged as a record of its own, its land counted with each:
        // said, so that doubled idle land and fees do not pass unnoticed (check counts the land once).
        foreach (var (copy, kept) in DuplicateGeometries.CopiesOf(parcels.Features).OrderBy(c => parcels.Features[c.Key].Id, StringComparer.Ordinal))
        {
            issues.Add(new DataIssue(layerName, parcels.Features[copy].Id, DataIssueCodes.DuplicateGeometry,
                Localized.Format("IdleDuplicateGeometry", parcels.Features[kept].Id)));
        }

        var rows = new List<IdleParcel>(judged);
        issues.AddRange(AbsentFields.Issues(parcelLayer, [.. FieldsDeciding(rows, started, parcelLayer)]));

        var banners = assessment.ParkBanners;
        issues.AddRange(banners.Issues);

        var parksSummary = rows.GroupBy(r => r.ParkId, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Summarize(g.Key, parkNames.GetValueOrDefault(g.Key) ?? string.Empty, g.ToList()) with { Banner = banners.Of(g.Key) })
            .ToList();
        var bannerSummary = rows.GroupBy(r => banners.Of(r.ParkId), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Summarize(string.Empty, string.Empty, g.ToList()) with { Banner = g.Key })
            .ToList();
        issues.Sort(DataIssueOrder.Compare);
        return new IdleLandResult(asOf, rows, parksSummary, Summarize(string.Empty, string.Empty, rows), issues.Distinct().ToList())
        {
            Banners = bannerSummary,
            Rules = _rules,
        };
    }

    /// <summary>
    /// The fields whose absence from the whole layer decides an answer of this survey (docs/data-model.md, "A field the
    /// layer lacks altogether"): <c>supplied_on</c> always; <c>actual_start</c> when a parcel is supplied; <c>halted_since</c>
    /// when one has started (or may have: no <c>actual_start</c> to tell); <c>agreed_start</c> when one is supplied and
    /// not started; <c>government_cause</c> when one is idle. A field no parcel needed changes nothing and is not reported.
    /// </summary>
    private static IEnumerable<string> FieldsDeciding(IReadOnlyList<IdleParcel> rows, bool[] started, Layer layer)
    {
        yield return ParcelFields.SuppliedOn;
        var supplied = rows.Any(r => r.Supplied);
        if (rows.Any(r => r.Verdict.SuppliedNotStarted))
        {
            yield return ParcelFields.AgreedStart;
        }

        if (supplied)
        {
            yield return ParcelFields.ActualStart;
        }

        if (started.Any(s => s) || (supplied && AbsentFields.Lacks(layer, ParcelFields.ActualStart)))
        {
            yield return ParcelFields.HaltedSince;
        }

        if (rows.Any(r => IdleStatuses.IsIdle(r.Verdict.Status)))
        {
            yield return ParcelFields.GovernmentCause;
        }
    }

    private static IdleParkSummary Summarize(string parkId, string name, IReadOnlyList<IdleParcel> rows)
    {
        var idle = rows.Where(r => IdleStatuses.IsIdle(r.Verdict.Status)).ToList();
        var reclaim = idle.Where(r => r.Verdict.ReclaimEligible).ToList();
        var notStarted = rows.Where(r => r.Verdict.SuppliedNotStarted).ToList();
        // docs/rules.md#idle-totals
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
            rows.Count(r => r.Verdict.Status == IdleStatus.Unknown))
        {
            ByEnterprise = IdleTally.Of(idle.Where(r => r.Verdict.Cause == IdleStatuses.EnterpriseCause)),
            ByGovernment = IdleTally.Of(idle.Where(r => r.Verdict.Cause == IdleStatuses.GovernmentCause)),
            Unstarted = IdleTally.Of(idle.Where(r => r.Verdict.Kind == IdleStatuses.Unstarted)),
            Halted = IdleTally.Of(idle.Where(r => r.Verdict.Kind == IdleStatuses.Halted)),
            IdleFeeHaltedWan = idle.Where(r => r.Verdict.Kind == IdleStatuses.Halted).Sum(r => r.Verdict.IdleFeeWan ?? 0),
            SuppliedAreaM2 = rows.Where(r => r.Supplied).Sum(r => r.AreaM2),
        };
    }
}
