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

    /// <summary>Until the twelfth round these messages were English inside a Chinese run (the English that leaked is the last argument).</summary>
    [Theory]
    [InlineData("""{ "supplies": {} }""", "未知的节 \"supplies\"（各节为：supply、idle、", "Unknown section")]
    [InlineData("""{ "idle": { "fee_share": "x" } }""", "idle.fee_share 必须是数字。", "must be a number")]
    [InlineData("""{ "idle": { "fee_share": 20 } }""", "idle.fee_share 必须是 0 到 1 之间的比例（0.6 = 60%）。", "must be a share")]
    [InlineData("""{ "leading_industry": { "min_share": 2 } }""", "leading_industry.min_share 必须是 0 到 1 之间的比例（0.8 = 80%）。", "must be a share")]
    [InlineData("""{ "intensity": { "growth_basis": "all" } }""", "intensity.growth_basis 必须是 \"same_set\" 或 \"reporting\"；实际为 \"all\"。", "must be \"same_set\"")]
    [InlineData("""{ "intensity": { "colour": 1 } }""", "intensity.colour 不是已知成员。", "is not a known member")]
    [InlineData("""{ "standard_land": { "plot_ratio_mn": 1 } }""", "standard_land.plot_ratio_mn 不是标准地指标。", "is not a 标准地 indicator")]
    [InlineData("""{ "evaluation": { "scope": "world" } }""", "evaluation.scope 必须是 \"city\"、\"banner\" 或 \"park\"", "must be \"city\"")]
    public void Attack_a_malformed_rules_file_is_explained_in_Chinese_by_default(string json, string chinese, string english)
    {
        var before = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("zh-Hans");
        try
        {
            var error = Assert.Throws<UnusableInputException>(() => RulesFile.Parse(System.Text.Encoding.UTF8.GetBytes(json)));

            Assert.Equal(ErrorCodes.InvalidRules, error.Code);
            Assert.Contains(chinese, error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(english, error.Message + error.Hint, StringComparison.Ordinal);
            Assert.DoesNotContain("See docs", error.Hint, StringComparison.Ordinal);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void In_Chinese_a_share_written_as_a_percentage_is_told_how_to_write_it_and_a_misspelt_indicator_gets_the_list()
    {
        var before = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("zh-Hans");
        try
        {
            var share = Assert.Throws<UnusableInputException>(() => RulesFile.Parse("""{ "standard_land": { "green_ratio_max": 15 } }"""u8.ToArray()));
            Assert.Equal("15 % 请写成 0.15。", share.Hint);
            var indicator = Assert.Throws<UnusableInputException>(() => RulesFile.Parse("""{ "standard_land": { "plot_ratio_mn": 1 } }"""u8.ToArray()));
            Assert.StartsWith("指标为：building_coefficient_min、", indicator.Hint, StringComparison.Ordinal);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = before;
        }
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
