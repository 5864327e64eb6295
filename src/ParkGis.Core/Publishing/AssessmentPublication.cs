using ParkGis.Core.Assessment;
using ParkGis.Core.Data;
using ParkGis.Core.Localization;

namespace ParkGis.Core.Publishing;

/// <summary>
/// What <c>parkgis export</c> and <c>parkgis report</c> publish (成果汇总): the result layers and tables of the
/// analyses the dataset allows, taken from the assessment — the same results the separate commands give.
/// </summary>
public static class AssessmentPublication
{
    /// <summary>The publication of <paramref name="assessment"/>.</summary>
    /// <param name="assessment">The assessment.</param>
    /// <param name="asOf">
    /// The as-of date of the supply (批而未供, 未批先供, 供地率) and idle-land (闲置土地) results; without it those are
    /// not published (their answers depend on the date, which is never guessed).
    /// </param>
    public static PublishedResults Of(ParkAssessment assessment, DateOnly? asOf)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var layers = new List<ResultLayer>();
        var tables = new List<FindingsTable>();
        IReadOnlyList<ParkSupplyRate>? supplyRates = null;

        // 三区三线: park boundaries against the control lines.
        var conflicts = assessment.Conflicts();
        layers.Add(ConflictResults.Layer(conflicts));
        tables.Add(ConflictResults.Table(conflicts));
        var hasFindings = conflicts.HasConflicts;
        var issues = new List<DataIssue>(conflicts.Issues);
        if (asOf is { } date && assessment.Layer(LayerRole.Parcels) is not null)
        {
            // 批而未供 / 未批先供 / 供地率, when there are approval batches.
            if (assessment.Layer(LayerRole.Approvals) is not null)
            {
                var supply = assessment.Supply(date);
                layers.Add(SupplyResults.Unsupplied(supply));
                layers.Add(SupplyResults.UnapprovedSupply(supply));
                tables.Add(SupplyResults.Table(supply));
                supplyRates = SupplyResults.Rates(supply);
                hasFindings |= supply.HasFindings;
                issues.AddRange(supply.Issues);
            }

            // 闲置土地.
            var idle = assessment.Idle(date);
            layers.Add(IdleResults.Layer(idle));
            tables.Add(IdleResults.Table(idle));
            hasFindings |= idle.HasIdleLand;
            issues.AddRange(idle.Issues);
        }

        var distinct = issues.Distinct().ToList();
        distinct.Sort(DataIssueOrder.Compare);
        tables.Add(DataIssuesTable(distinct));
        return new PublishedResults(layers, tables, supplyRates, hasFindings) { Issues = distinct };
    }

    private static FindingsTable DataIssuesTable(IReadOnlyList<DataIssue> issues) => new(
        Localized.Get("TableDataIssuesTitle"),
        [Localized.Get("TableIssueLayer"), Localized.Get("TableIssueFeature"), Localized.Get("TableIssueCode"), Localized.Get("TableIssueMessage")],
        [.. issues.Select(i => (IReadOnlyList<string>)[i.Layer, i.Feature, i.Code, i.Message])]);
}
