using System.Text;
using ParkGis.Core.Errors;
using ParkGis.Core.Scorecard;
using ParkGis.IO.Configuration;

namespace ParkGis.IO.Tests.Scorecard;

public sealed class ScorecardRulesTests
{
    private const string SmallRules = """
        {
          // two indicators only: everything else is reported but not scored
          "indicators": {
            "supply_rate": { "weight": 3, "zero_score_at": 0, "full_score_at": 0.6 },
            "leading_industry_share": { "weight": 1, "zero_score_at": 0.4, "full_score_at": 0.8 },
          },
          "leading_industry": { "min_share": 0.75 }
        }
        """;

    private static ScorecardRules Small() => RulesFile.Parse(Encoding.UTF8.GetBytes(SmallRules)).Scorecard;

    [Fact]
    public void Score_from_a_small_rules_file_matches_the_hand_computation()
    {
        // A: supply 0.45 → 75 points, share 0.6 → 50 points: (3×75 + 1×50) / 4 = 68.75.
        // B: supply not computable → excluded, weights renormalised: share 0.8 → 100 points on 1/4 of the weight.
        // C: supply 0.9 → clamped to 100, share 0.3 → clamped to 0: (300 + 0) / 4 = 75.
        ParkIndicatorValue[] values =
        [
            ParkIndicatorValue.Computed("A", ScorecardIndicators.SupplyRate, 0.45),
            ParkIndicatorValue.Computed("A", ScorecardIndicators.LeadingIndustryShare, 0.6),
            ParkIndicatorValue.NotComputable("B", ScorecardIndicators.SupplyRate, "approvals layer"),
            ParkIndicatorValue.Computed("B", ScorecardIndicators.LeadingIndustryShare, 0.8),
            ParkIndicatorValue.Computed("C", ScorecardIndicators.SupplyRate, 0.9),
            ParkIndicatorValue.Computed("C", ScorecardIndicators.LeadingIndustryShare, 0.3),
            ParkIndicatorValue.Computed("C", ScorecardIndicators.ConflictAreaHa, 50), // not in the rules: reported, not scored
        ];

        var card = ScorecardEngine.Score([new("A", "a"), new("B", "b"), new("C", "c")], values, Small());

        Assert.Equal(["B", "C", "A"], card.Rows.Select(r => r.ParkId));
        Assert.Equal([1, 2, 3], card.Rows.Select(r => r.Rank!.Value));
        var a = card.Rows.Single(r => r.ParkId == "A");
        var b = card.Rows.Single(r => r.ParkId == "B");
        var c = card.Rows.Single(r => r.ParkId == "C");
        Assert.Equal(68.75, a.Composite!.Value, 9);
        Assert.Equal(100, b.Composite!.Value, 9);
        Assert.Equal(75, c.Composite!.Value, 9);
        Assert.Equal(0.25, b.WeightCovered, 12);
        Assert.Equal("approvals layer", b.Cells.Single(x => x.Indicator == ScorecardIndicators.SupplyRate).Missing);
        Assert.Equal(1.0, b.Cells.Single(x => x.Indicator == ScorecardIndicators.LeadingIndustryShare).EffectiveWeight, 12);
        var conflict = c.Cells.Single(x => x.Indicator == ScorecardIndicators.ConflictAreaHa);
        Assert.Equal(50, conflict.Value);
        Assert.Null(conflict.Score);
        Assert.Equal(0.75, Small().LeadingIndustry.MinShare);
    }

    [Fact]
    public void Equal_composites_share_a_rank_and_are_listed_by_park_id()
    {
        ParkIndicatorValue[] values =
        [
            ParkIndicatorValue.Computed("P2", ScorecardIndicators.SupplyRate, 0.3),
            ParkIndicatorValue.Computed("P1", ScorecardIndicators.SupplyRate, 0.3),
            ParkIndicatorValue.Computed("P3", ScorecardIndicators.SupplyRate, 0.1),
        ];

        var card = ScorecardEngine.Score([new("P3", ""), new("P2", ""), new("P1", ""), new("P4", "")], values, Small());

        Assert.Equal(["P1", "P2", "P3", "P4"], card.Rows.Select(r => r.ParkId));
        Assert.Equal([1, 1, 3], card.Rows.Take(3).Select(r => r.Rank!.Value));
        Assert.Null(card.Rows[3].Rank); // nothing computable: unranked, last
        Assert.Null(card.Rows[3].Composite);
    }

    [Theory]
    [InlineData("""{ "indicators": { "nonsense": { "weight": 1 } } }""")]
    [InlineData("""{ "weights": {} }""")]
    [InlineData("""{ "indicators": { "supply_rate": { "weight": 1, "zero_score_at": 0.6, "full_score_at": 0.6 } } }""")]
    [InlineData("""{ "infrastructure": { "service_distance_m": { "parks": 10 } } }""")]
    [InlineData("""{ "leading_industry": { "min_share": 80 } }""")]
    public void Malformed_rules_are_PG0302(string json)
    {
        var error = Assert.Throws<UnusableInputException>(() => RulesFile.Parse(Encoding.UTF8.GetBytes(json)).Scorecard);
        Assert.Equal(ErrorCodes.InvalidRules, error.Code);
    }

    [Fact]
    public void Service_distances_from_the_rules_file_override_the_defaults()
    {
        var rules = RulesFile.Parse("""{ "infrastructure": { "service_distance_m": { "gas": 150 }, "min_coverage": 0.9 } }"""u8.ToArray()).Scorecard;

        Assert.Equal(150, rules.Infrastructure.DistanceM(Core.Data.LayerRole.Gas));
        Assert.Equal(50, rules.Infrastructure.DistanceM(Core.Data.LayerRole.Roads));
        Assert.Equal(0.9, rules.Infrastructure.MinCoverage);
        Assert.Same(ScorecardRules.DefaultIndicators, rules.Indicators);
    }
}
