using ParkGis.Core.Conflicts;
using ParkGis.Core.Data;
using ParkGis.Core.Idle;
using ParkGis.Core.Supply;

namespace ParkGis.Core.Publishing;

/// <summary>
/// Runs every analysis the data allows and collects what they found as <see cref="PublishedResults"/> — the one
/// place <c>parkgis export</c> and <c>parkgis report</c> learn about results (成果汇总).
/// </summary>
/// <remarks>
/// To publish a new analysis (supply 批而未供, idle land 闲置土地, intensity 亩均效益), add a block to
/// <see cref="Collect"/>: run it when its layers are present, add its <see cref="ResultLayer"/>s (file name, Chinese
/// title, features with kind/severity), its <see cref="FindingsTable"/>s, set <c>supplyRates</c> when it computes
/// 供地率 per park, and OR its findings into <c>hasFindings</c>. Export, tiles and the report pick them up unchanged.
/// </remarks>
public static class ResultCatalog
{
    /// <summary>Runs the analyses on <paramref name="dataset"/>.</summary>
    /// <param name="dataset">The dataset as read.</param>
    /// <param name="conflictOptions">Settings of the conflict check.</param>
    /// <param name="progress">Receives progress lines; may be null.</param>
    /// <param name="asOf">
    /// The as-of date of the supply (批而未供, 未批先供, 供地率) and idle-land (闲置土地) results; without it those are
    /// not published (their answers depend on the date, which is never guessed).
    /// </param>
    public static PublishedResults Collect(Dataset dataset, ConflictCheckOptions conflictOptions, IProgress<string>? progress = null, DateOnly? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(conflictOptions);
        var layers = new List<ResultLayer>();
        var tables = new List<FindingsTable>();
        IReadOnlyList<ParkSupplyRate>? supplyRates = null;
        var hasFindings = false;

        // 三区三线: park boundaries against the control lines.
        var conflicts = new ConflictCheck(conflictOptions, progress).Check(dataset);
        layers.Add(ConflictResults.Layer(conflicts));
        tables.Add(ConflictResults.Table(conflicts));
        hasFindings |= conflicts.HasConflicts;

        var issues = new List<DataIssue>(conflicts.Issues);
        if (asOf is { } date && dataset.Find(LayerRole.Parcels) is not null)
        {
            // 批而未供 / 未批先供 / 供地率, when there are approval batches.
            if (dataset.Find(LayerRole.Approvals) is not null)
            {
                var supply = new SupplyLedger(SupplyLedgerOptions.Default, progress).Compute(dataset, date);
                layers.Add(SupplyResults.Unsupplied(supply));
                layers.Add(SupplyResults.UnapprovedSupply(supply));
                tables.Add(SupplyResults.Table(supply));
                supplyRates = SupplyResults.Rates(supply);
                hasFindings |= supply.HasFindings;
                issues.AddRange(supply.Issues);
            }

            // 闲置土地.
            var idle = new IdleLandSurvey(progress).Survey(dataset, date);
            layers.Add(IdleResults.Layer(idle));
            tables.Add(IdleResults.Table(idle));
            hasFindings |= idle.HasIdleLand;
            issues.AddRange(idle.Issues);
        }

        var distinct = issues.Distinct().ToList();
        tables.Add(DataIssuesTable(distinct));
        return new PublishedResults(layers, tables, supplyRates, hasFindings) { Issues = distinct };
    }

    private static FindingsTable DataIssuesTable(IReadOnlyList<DataIssue> issues) => new(
        "数据问题（Data issues）",
        ["图层 layer", "要素 feature", "代码 code", "说明 message"],
        [.. issues.Select(i => (IReadOnlyList<string>)[i.Layer, i.Feature, i.Code, i.Message])]);
}
