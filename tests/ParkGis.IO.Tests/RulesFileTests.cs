using ParkGis.Core.Assessment;
using ParkGis.Core.Errors;
using ParkGis.IO.Configuration;

namespace ParkGis.IO.Tests;

public sealed class RulesFileTests
{
    [Fact]
    public void An_empty_rules_file_gives_every_default()
    {
        Assert.Equal(RuleSet.Default, RulesFile.Parse("{}"u8.ToArray()));
    }

    [Fact]
    public void One_document_holds_the_sections_of_every_analysis()
    {
        var rules = RulesFile.Parse("""
            {
              "$schema": "https://example.invalid/parkgis-rules.json",
              "supply": { "window_years": 3, "yardstick_rate": 0.5, "existing_construction": { "codes": ["201", "0601"], "collective_counts": true } },
              "idle": { "fee_share": 0.1, "reclaim_years": 3, "halted": { "fee": false, "reclaim": true } },
              "standard_land": { "building_coefficient_min": 0.4 },
              "evaluation": { "min_land_mu": 5 },
              "intensity": { "ready_for_supply": "approved_unsupplied" },
              "leading_industry": { "min_share": 0.7 },
              "infrastructure": { "min_coverage": 0.9 },
            }
            """u8.ToArray());

        Assert.Equal(3, rules.Supply.WindowYears);
        Assert.Equal(0.5, rules.Supply.YardstickRate);
        Assert.Equal(["201", "0601"], rules.Supply.ExistingConstruction.Codes);
        Assert.True(rules.Supply.ExistingConstruction.CollectiveCounts);
        Assert.Equal(new Core.Idle.IdleRules(0.1, 3, HaltedFee: false, HaltedReclaim: true), rules.Idle);
        Assert.Equal(0.4, rules.Intensity.StandardLand.BuildingCoefficientMin);
        Assert.Equal(5, rules.Intensity.MinLandMu);
        Assert.Equal(0.7, rules.Scorecard.LeadingIndustry.MinShare);
        Assert.Equal(0.9, rules.Scorecard.Infrastructure.MinCoverage);
    }

    [Theory]
    [InlineData("""{ "supplies": {} }""", "Unknown section \"supplies\"")]
    [InlineData("""{ "idle": { "fee": 0.2 } }""", "idle.fee is not a known member")]
    [InlineData("""{ "idle": { "fee_share": 20 } }""", "idle.fee_share must be a share")]
    [InlineData("""{ "idle": { "halted": { "reclaim": "yes" } } }""", "idle.halted.reclaim must be true or false")]
    [InlineData("""{ "idle": { "reclaim_years": 1.5 } }""", "idle.reclaim_years must be a whole number")]
    [InlineData("""{ "supply": { "window_years": 0 } }""", "supply.window_years must be a whole number")]
    [InlineData("""{ "supply": { "existing_construction": { "codes": ["20=1"] } } }""", "each code is a non-empty string")]
    [InlineData("""{ "intensity": { "ready_for_supply": "b21" } }""", "intensity.ready_for_supply must be")]
    [InlineData("""[1, 2]""", "must contain a JSON object")]
    public void Unknown_or_malformed_members_are_PG0302_naming_the_member(string json, string expected)
    {
        var error = Assert.Throws<UnusableInputException>(() => RulesFile.Parse(System.Text.Encoding.UTF8.GetBytes(json)));

        Assert.Equal(ErrorCodes.InvalidRules, error.Code);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_old_intensity_rules_file_and_an_old_scorecard_rules_file_still_read()
    {
        var intensity = RulesFile.Parse("""{ "standard_land": { "plot_ratio_min": 0.8 }, "evaluation": { "grade_cutoffs": [0.2, 0.6, 0.9] } }"""u8.ToArray());
        var scorecard = RulesFile.Parse("""{ "indicators": { "supply_rate": { "weight": 1 } }, "leading_industry": { "min_share": 0.75 } }"""u8.ToArray());

        Assert.Equal(0.8, intensity.Intensity.StandardLand.PlotRatioMin);
        Assert.Single(scorecard.Scorecard.Indicators);
    }

    [Fact]
    public void The_evaluation_sections_choose_growth_basis_grading_scope_share_basis_and_threshold_versions()
    {
        var rules = RulesFile.Parse("""
            {
              "intensity": { "growth_basis": "reporting" },
              "evaluation": { "scope": "banner", "scale_revenue_wan": 3000 },
              "leading_industry": { "basis": "all_output", "exclude_utilities": true },
              "standard_land": {
                "industry_codes": { "煤化工": "2520" },
                "versions": [ { "from": "2022-10-08", "name": "标准地（鄂府办发〔2022〕141号）", "regime": "标准地", "park_id": "P01", "investment_per_mu_min": 300 } ]
              }
            }
            """u8.ToArray());

        Assert.Equal(Core.Intensity.GrowthBasis.Reporting, rules.Intensity.GrowthBasis);
        Assert.Equal(Core.Intensity.GradingScope.Banner, rules.Intensity.Scope);
        Assert.Equal(3000, rules.Intensity.ScaleRevenueWan);
        Assert.Equal(Core.Industry.LeadingShareBasis.AllOutput, rules.Scorecard.LeadingIndustry.Basis);
        Assert.True(rules.Scorecard.LeadingIndustry.ExcludeUtilities);
        Assert.Equal("25", rules.Intensity.IndustryCodesUsed["煤化工"]);
        var version = Assert.Single(rules.Intensity.VersionsUsed);
        Assert.Equal(new DateOnly(2022, 10, 8), version.From);
        Assert.Equal(300, version.Thresholds.InvestmentPerMuMin);
        Assert.Equal("P01", version.ParkId);
    }

    [Theory]
    [InlineData("""{ "intensity": { "growth_basis": "same" } }""")]
    [InlineData("""{ "evaluation": { "scope": "province" } }""")]
    [InlineData("""{ "leading_industry": { "basis": 1 } }""")]
    [InlineData("""{ "standard_land": { "versions": [ { "from": "2022/10/08" } ] } }""")]
    [InlineData("""{ "standard_land": { "versions": [ { "from": "2022-10-08", "regime": "其他" } ] } }""")]
    [InlineData("""{ "standard_land": { "industry_codes": { "煤化工": "化工" } } }""")]
    public void A_misspelt_evaluation_choice_is_refused_not_guessed(string json)
    {
        var error = Assert.Throws<UnusableInputException>(() => RulesFile.Parse(System.Text.Encoding.UTF8.GetBytes(json)));
        Assert.Equal(ErrorCodes.InvalidRules, error.Code);
    }
}
