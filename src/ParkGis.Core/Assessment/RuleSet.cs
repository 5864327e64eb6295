using ParkGis.Core.Idle;
using ParkGis.Core.Intensity;
using ParkGis.Core.Scorecard;
using ParkGis.Core.Supply;

namespace ParkGis.Core.Assessment;

/// <summary>
/// The rules every analysis of a run applies (规则文件): one document with a section per analysis (docs/rules.md,
/// read by IO/Configuration/RulesFile), the documented defaults for whatever it leaves out.
/// </summary>
/// <param name="Supply">Section <c>supply</c>: the window, the yardstick, which land counts as 存量建设用地.</param>
/// <param name="Idle">Section <c>idle</c>: fee share, reclaim age, halted-land penalties.</param>
/// <param name="Intensity">Sections <c>standard_land</c>, <c>evaluation</c>, <c>intensity</c>.</param>
/// <param name="Scorecard">Sections <c>indicators</c>, <c>leading_industry</c>, <c>infrastructure</c>.</param>
public sealed record RuleSet(SupplyLedgerOptions Supply, IdleRules Idle, IntensityRules Intensity, ScorecardRules Scorecard)
{
    /// <summary>Every section at its documented default.</summary>
    public static RuleSet Default { get; } = new(SupplyLedgerOptions.Default, IdleRules.Default, IntensityRules.Default, ScorecardRules.Default);
}
