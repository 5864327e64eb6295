using ParkGis.Core.Assessment;
using ParkGis.Core.Data;
using ParkGis.Core.Industry;
using ParkGis.Core.Intensity;
using ParkGis.Core.Localization;

namespace ParkGis.Core.Scorecard;

/// <summary>
/// The annual park scorecard (园区年度考核) of an assessment: a view over the results the separate commands give for
/// the same year and as-of date — the conflict check (default minimum area), the supply ledger (default window)
/// and the idle-land survey on the as-of date, land-use efficiency of the year, 九通一平 coverage and the
/// leading-industry share — scored and ranked under the rules. The year defaults to the latest economics year, the
/// as-of date to 31 December of the year, so that the supply window is the annual assessment's Y−4…Y
/// (docs/rules.md#scorecard-window).
/// </summary>
/// <param name="Card">The ranked rows.</param>
/// <param name="LeadingIndustry">The leading-industry share per park and block (scored, and shown in detail).</param>
/// <param name="Year">The year scored, or null when the dataset has no economics table and none was asked for.</param>
/// <param name="AsOf">The as-of date of the supply and idle results, or null when there is none.</param>
/// <param name="Issues">Every data issue of the results scored, each once, sorted.</param>
/// <param name="Intensity">The land-use efficiency results scored (their 旗区 totals and growth basis are shown).</param>
public sealed record AnnualScorecard(ParkScorecard Card, LeadingIndustryResult LeadingIndustry, int? Year, DateOnly? AsOf, IReadOnlyList<DataIssue> Issues, IntensityResult Intensity)
{
    /// <summary>
    /// 旗区 totals of the analyses scored (docs/rules.md#scorecard-banners): the window supply rate with the 60 %
    /// flag, idle land, conflicts and intensity; sorted by name.
    /// </summary>
    public IReadOnlyList<ScorecardBanner> Banners { get; init; } = [];

    /// <summary>The supply window the supply rate was taken over, or null without supply results.</summary>
    public Supply.SupplyWindow? SupplyWindow { get; init; }

    /// <summary>Scores the parks of <paramref name="assessment"/>.</summary>
    /// <param name="assessment">The assessment.</param>
    /// <param name="rules">Indicator rules, leading-industry minimum share, service distances.</param>
    /// <param name="year">The year scored; null for the latest economics year.</param>
    /// <param name="asOf">The as-of date; null for 31 December of the year scored.</param>
    public static AnnualScorecard Of(ParkAssessment assessment, ScorecardRules rules, int? year, DateOnly? asOf)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(rules);
        // 九通一平 coverage keeps one core busy for most of its time, and the leading-industry share (with the economics
        // table's read) is one thread's work that needs neither conflicts nor land status: both run beside the others.
        using var beside = assessment.Begin(
            a => a.Infrastructure(rules.Infrastructure),
            a => a.LeadingIndustry(rules.LeadingIndustry with { Year = a.YearOrLatest(year) }));
        return beside.AbandonIfFails(() => Score(assessment, rules, year, asOf));
    }

    private static AnnualScorecard Score(ParkAssessment assessment, ScorecardRules rules, int? year, DateOnly? asOf)
    {
        var scored = assessment.YearOrLatest(year);
        var conflicts = assessment.Conflicts();
        var infrastructure = assessment.Infrastructure(rules.Infrastructure);
        var leading = assessment.LeadingIndustry(rules.LeadingIndustry with { Year = scored });
        var date = ParkAssessment.AsOfOrYearEnd(asOf, scored);
        var land = assessment.LandStatus(date);
        var intensity = assessment.Intensity(IntensityOptions.Default with { Year = scored, Rules = assessment.Options.RulesUsed.Intensity }, date);

        var parkIds = conflicts.Parks.Select(p => p.ParkId).ToList();
        var values = IndicatorSources.FromConflicts(conflicts)
            .Concat(IndicatorSources.FromInfrastructure(infrastructure))
            .Concat(IndicatorSources.FromLeadingIndustry(leading))
            .Concat(land.Supply is { } supply
                ? IndicatorSources.FromSupply(supply)
                : IndicatorSources.NotComputable(parkIds, [ScorecardIndicators.SupplyRate], land.Missing ?? Localized.Get("MissingSupplyResults")))
            .Concat(land.Idle is { } idle
                ? IndicatorSources.FromIdle(idle, parkIds)
                : IndicatorSources.NotComputable(parkIds, [ScorecardIndicators.IdleRate, ScorecardIndicators.IdleFeesWan], land.Missing ?? Localized.Get("MissingIdleResults")))
            .Concat(IndicatorSources.FromIntensity(intensity));
        var card = ScorecardEngine.Score(conflicts.Parks.Select(p => new ScorecardPark(p.ParkId, p.Name)).ToList(), values, rules, leading.Year);
        var issues = conflicts.Issues.Concat(infrastructure.Issues).Concat(leading.Issues)
            .Concat(land.Supply?.Issues ?? []).Concat(land.Idle?.Issues ?? []).Concat(intensity.Issues)
            .Distinct()
            .ToList();
        issues.Sort(DataIssueOrder.Compare);
        return new AnnualScorecard(card, leading, scored, date, issues, intensity)
        {
            Banners = ScorecardBanner.Of(parkIds, assessment.ParkBanners, conflicts, land.Supply, land.Idle, intensity),
            SupplyWindow = land.Supply?.Window,
        };
    }
}
