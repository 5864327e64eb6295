using ParkGis.Core.Infrastructure;
using ParkGis.Core.Industry;

namespace ParkGis.Core.Scorecard;

/// <summary>
/// The rules of the scorecard (rules file, documented in docs/scorecard-rules.md): how each indicator is scored
/// and weighted, the leading-industry minimum share and the 九通 service distances.
/// </summary>
/// <param name="Indicators">Indicator key → rule; indicators without a rule are reported but not scored.</param>
/// <param name="LeadingIndustry">Leading-industry settings (minimum share; the year comes from the command).</param>
/// <param name="Infrastructure">九通一平 settings.</param>
public sealed record ScorecardRules(
    IReadOnlyDictionary<string, IndicatorRule> Indicators,
    LeadingIndustryOptions LeadingIndustry,
    InfrastructureOptions Infrastructure)
{
    /// <summary>The default indicator rules (weights sum to 100).</summary>
    public static IReadOnlyDictionary<string, IndicatorRule> DefaultIndicators { get; } = new Dictionary<string, IndicatorRule>(StringComparer.Ordinal)
    {
        [ScorecardIndicators.ConflictAreaHa] = new(10, ZeroScoreAt: 20, FullScoreAt: 0),
        [ScorecardIndicators.ConflictPatches] = new(5, ZeroScoreAt: 10, FullScoreAt: 0),
        [ScorecardIndicators.SupplyRate] = new(15, ZeroScoreAt: 0, FullScoreAt: 0.6),
        [ScorecardIndicators.IdleRate] = new(10, ZeroScoreAt: 0.15, FullScoreAt: 0),
        [ScorecardIndicators.IdleFeesWan] = new(0, ZeroScoreAt: 1000, FullScoreAt: 0),
        [ScorecardIndicators.OutputPerMuWan] = new(10, ZeroScoreAt: 0, FullScoreAt: 300),
        [ScorecardIndicators.TaxPerMuWan] = new(10, ZeroScoreAt: 0, FullScoreAt: 15),
        [ScorecardIndicators.OutputPerMuProgress] = new(10, ZeroScoreAt: 0, FullScoreAt: 1.0),
        [ScorecardIndicators.StandardLandFailures] = new(5, ZeroScoreAt: 10, FullScoreAt: 0),
        [ScorecardIndicators.LeadingIndustryShare] = new(15, ZeroScoreAt: 0.4, FullScoreAt: 0.8),
        [ScorecardIndicators.InfrastructureCoverage] = new(10, ZeroScoreAt: 0, FullScoreAt: 1.0),
    };

    /// <summary>The documented defaults.</summary>
    public static ScorecardRules Default { get; } = new(DefaultIndicators, LeadingIndustryOptions.Default, InfrastructureOptions.Default);
}
