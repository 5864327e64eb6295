using ParkGis.Core.Data;
using ParkGis.Core.Intensity;
using ParkGis.Core.Tests.Infrastructure;
using static ParkGis.Core.Tests.Infrastructure.ParkData;

namespace ParkGis.Core.Tests.Intensity;

/// <summary>The rules of docs/rules.md sections 4–6 on hand-made parks: 同口径 growth, who is graded and across what, 控制指标 by contract date.</summary>
public sealed class EvaluationRulesTests
{
    // 100 m squares: 10 000 m² = 15 亩 each.
    private const double X = 500000, Y = 4400000;

    private static string Square(int i) => Rectangle(X + (i * 200), Y, X + (i * 200) + 100, Y + 100);

    private static ParkData Parks(params (string Id, string Banner, int Left)[] parks)
    {
        var data = new ParkData();
        foreach (var (id, banner, left) in parks)
        {
            data.Add(LayerRole.Parks, id, Rectangle(X + (left * 200) - 50, Y - 50, X + (left * 200) + 3950, Y + 150), ("park_id", id), ("name", id), ("banner", banner));
        }

        return data;
    }

    private static ParkData Firm(ParkData data, int i, string parkId, string enterprise, string landUse = "100101", string industry = "装备制造", params (string Key, object? Value)[] extra)
    {
        (string Key, object? Value)[] attributes =
        [
            ("parcel_id", $"L{i}"), ("park_id", parkId), ("land_use", landUse), ("industry", industry), ("enterprise", enterprise),
            ("floor_area_m2", 12000.0), ("footprint_area_m2", 3000.0), ("yard_area_m2", 500.0), ("admin_area_m2", 600.0), ("green_area_m2", 1500.0),
            .. extra,
        ];
        var merged = attributes.GroupBy(a => a.Key).Select(g => g.Last()).ToArray();
        return data.Add(LayerRole.Parcels, $"L{i}", Square(i), merged);
    }

    private static EconomicsTable Table(IEnumerable<EconomicsRecord> rows, params string[] more) =>
        new("economics.csv", new HashSet<string>(["parcel_id", "year", "output_wan", "tax_wan", .. more], StringComparer.Ordinal), [.. rows]);

    private static EconomicsRecord Row(int parcel, int year, double? output = null, double? tax = null, double? revenue = null) =>
        new(parcel, $"L{parcel}", null, year, OutputWan: output, TaxWan: tax, RevenueWan: revenue);

    private static IntensityResult Run(Dataset dataset, EconomicsTable economics, IntensityRules? rules = null) =>
        new IntensityAnalysis(IntensityOptions.Default with { Year = 2025, Rules = rules ?? IntensityRules.Default }).Analyze(dataset, economics);

    private static IntensityRules TaxOnly => IntensityRules.Default with { Weights = new Dictionary<EvaluationIndicator, double> { [EvaluationIndicator.TaxPerMu] = 1 } };

    [Fact]
    public void A_firm_reporting_only_in_2025_is_left_out_of_same_set_growth_and_counted_in_the_level()
    {
        var data = Parks(("P1", "甲旗", 0));
        Firm(data, 0, "P1", "甲");
        Firm(data, 1, "P1", "乙");
        var economics = Table([Row(0, 2021, output: 1500), Row(0, 2025, output: 2250), Row(1, 2025, output: 6000)]);

        var progress = Assert.Single(Run(data.Build(), economics).Parks).OutputPerMu;

        Assert.Equal(GrowthBasis.SameSet, progress.Basis);
        Assert.Equal(1, progress.ComparedParcels);
        Assert.Equal(100.0, progress.Baseline!.Value, 9);
        Assert.Equal(150.0, progress.Current!.Value, 9); // L0 alone: +50 %
        Assert.Equal(0.5, progress.Growth!.Value, 9);
        Assert.Equal(275.0, progress.CurrentAllReporting!.Value, 9); // (2250 + 6000) / 30 亩
    }

    [Fact]
    public void Reporting_basis_compares_each_years_reporters_as_before()
    {
        var data = Parks(("P1", "甲旗", 0));
        Firm(data, 0, "P1", "甲");
        Firm(data, 1, "P1", "乙");
        var economics = Table([Row(0, 2021, output: 1500), Row(0, 2025, output: 2250), Row(1, 2025, output: 6000)]);

        var progress = Run(data.Build(), economics, IntensityRules.Default with { GrowthBasis = GrowthBasis.Reporting }).Parks[0].OutputPerMu;

        Assert.Equal(100.0, progress.Baseline!.Value, 9);
        Assert.Equal(275.0, progress.Current!.Value, 9);
        Assert.Equal(2, progress.ComparedParcels);
    }

    [Fact]
    public void A_utility_firm_is_evaluated_but_not_graded_and_takes_no_rank()
    {
        var data = Parks(("P1", "甲旗", 0));
        Firm(data, 0, "P1", "工业甲");
        Firm(data, 1, "P1", "工业乙");
        Firm(data, 2, "P1", "水务公司", landUse: "1302", industry: "公用设施");
        Firm(data, 3, "P1", "物流公司", landUse: "1101", industry: "物流");
        var economics = Table([Row(0, 2025, tax: 150), Row(1, 2025, tax: 75), Row(2, 2025, tax: 1), Row(3, 2025, tax: 1)]);

        var result = Run(data.Build(), economics, TaxOnly);

        var byUnit = result.Enterprises.ToDictionary(e => e.UnitId);
        Assert.Equal(EnterpriseEvaluation.UtilityNotGraded, byUnit["水务公司"].NotGradedReason);
        Assert.Null(byUnit["水务公司"].Grade);
        Assert.Equal(EnterpriseEvaluation.NotIndustrial, byUnit["物流公司"].NotGradedReason);
        Assert.Equal(10.0, byUnit["工业甲"].Indicators[EvaluationIndicator.TaxPerMu], 9);
        Assert.Equal(2, Assert.Single(result.Groups).Units); // the benchmark is over the two industrial firms only
        Assert.Equal(7.5, result.Groups[0].Benchmarks[EvaluationIndicator.TaxPerMu], 9);
        Assert.Equal("A", byUnit["工业甲"].Grade);
        Assert.Equal("B", byUnit["工业乙"].Grade);
    }

    [Fact]
    public void Ranked_across_the_city_the_weaker_park_can_hold_two_D_and_the_other_none()
    {
        // Forty firms, twenty per park; park P2's are all weaker than P1's.
        var data = Parks(("P1", "甲旗", 0), ("P2", "乙旗", 20));
        var rows = new List<EconomicsRecord>();
        for (var i = 0; i < 40; i++)
        {
            Firm(data, i, i < 20 ? "P1" : "P2", $"企业{i:00}");
            rows.Add(Row(i, 2025, tax: 500 - (i * 10)));
        }

        var city = Run(data.Build(), Table(rows), TaxOnly);
        var perPark = Run(data.Build(), Table(rows), TaxOnly with { Scope = GradingScope.Park });

        Assert.Equal(0, city.Parks.Single(p => p.ParkId == "P1").GradeCounts["D"]);
        Assert.Equal(2, city.Parks.Single(p => p.ParkId == "P2").GradeCounts["D"]);
        Assert.Equal(10, city.Parks.Single(p => p.ParkId == "P1").GradeCounts["A"]); // the city's top quarter are all in P1
        Assert.All(perPark.Parks, p => Assert.Equal(1, p.GradeCounts["D"])); // per park: one D each, by construction
        Assert.Equal(["全市"], city.Groups.Select(g => g.Scope));
        Assert.Equal(["P1", "P2"], perPark.Groups.Select(g => g.Scope));
        Assert.Equal(["乙旗", "甲旗"], city.Banners.Select(b => b.Banner).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_firm_in_two_parks_belongs_to_the_park_with_more_of_its_land_and_on_a_tie_to_the_first_park_id()
    {
        var data = Parks(("P1", "甲旗", 0), ("P2", "乙旗", 20));
        Firm(data, 1, "P1", "甲");
        Firm(data, 20, "P2", "甲");
        Firm(data, 21, "P2", "甲"); // 甲: 15 亩 in P1, 30 亩 in P2
        Firm(data, 3, "P1", "乙");
        Firm(data, 22, "P2", "乙"); // 乙: 15 亩 in each; its first parcel by id (L22) lies in P2
        var economics = Table([Row(1, 2025, tax: 15), Row(20, 2025, tax: 15), Row(21, 2025, tax: 15), Row(3, 2025, tax: 30), Row(22, 2025, tax: 30)]);

        var result = Run(data.Build(), economics, TaxOnly);

        var byUnit = result.Enterprises.ToDictionary(e => e.UnitId);
        Assert.Equal("P2", byUnit["甲"].ParkId);
        Assert.Equal(["L1", "L20", "L21"], byUnit["甲"].ParcelIds);
        Assert.Equal(1.0, byUnit["甲"].Indicators[EvaluationIndicator.TaxPerMu], 9); // 45 万元 over 45 亩: all three parcels
        Assert.Equal("P1", byUnit["乙"].ParkId);
        var banners = result.Banners.ToDictionary(b => b.Banner);
        Assert.Equal(2, banners["甲旗"].ParcelCount); // the parcels lying in P1, whatever their firm's park
        Assert.Equal(3, banners["乙旗"].ParcelCount);
        Assert.Equal(1, banners["甲旗"].GradeCounts.Values.Sum()); // 乙, ranked in P1's 旗区
        Assert.Equal(1, banners["乙旗"].GradeCounts.Values.Sum()); // 甲
        Assert.Equal(1, result.Parks.Single(p => p.ParkId == "P2").GradeCounts.Values.Sum());
    }

    [Fact]
    public void A_firm_on_as_much_logistics_land_as_industrial_land_is_graded_and_one_mostly_on_logistics_land_is_not()
    {
        var data = Parks(("P1", "甲旗", 0));
        Firm(data, 9, "P1", "甲");
        Firm(data, 10, "P1", "甲", landUse: "1101", industry: "物流"); // 15 亩 each; L10 comes first by id
        Firm(data, 2, "P1", "乙");
        Firm(data, 3, "P1", "乙", landUse: "1101", industry: "物流");
        Firm(data, 4, "P1", "乙", landUse: "1101", industry: "物流");
        var economics = Table([Row(9, 2025, tax: 30), Row(10, 2025, tax: 30), Row(2, 2025, tax: 30), Row(3, 2025, tax: 30), Row(4, 2025, tax: 30)]);

        var byUnit = Run(data.Build(), economics, TaxOnly).Enterprises.ToDictionary(e => e.UnitId);

        Assert.Null(byUnit["甲"].NotGradedReason);
        Assert.Equal("A", byUnit["甲"].Grade);
        Assert.Equal(EnterpriseEvaluation.NotIndustrial, byUnit["乙"].NotGradedReason);
    }

    [Fact]
    public void A_firm_below_scale_is_ranked_only_against_firms_below_scale_when_revenue_is_given()
    {
        var data = Parks(("P1", "甲旗", 0));
        for (var i = 0; i < 4; i++)
        {
            Firm(data, i, "P1", $"企业{i}");
        }

        // Two 规上 firms with high tax, two 规下 firms with low tax: each group gets its own A.
        var economics = Table(
            [Row(0, 2025, tax: 300, revenue: 50000), Row(1, 2025, tax: 200, revenue: 30000), Row(2, 2025, tax: 20, revenue: 1500), Row(3, 2025, tax: 10, revenue: 800)],
            "revenue_wan");

        var result = Run(data.Build(), economics, TaxOnly);

        Assert.Equal("revenue_wan", result.ScaleBasis);
        var byUnit = result.Enterprises.ToDictionary(e => e.UnitId);
        Assert.Equal("规下", byUnit["企业2"].Group);
        Assert.Equal("A", byUnit["企业2"].Grade);
        Assert.Equal("A", byUnit["企业0"].Grade);
        Assert.Equal(["规上", "规下"], result.Groups.Select(g => g.Name));
    }

    [Fact]
    public void Without_revenue_every_firm_is_one_group_and_the_output_says_so()
    {
        var data = Parks(("P1", "甲旗", 0));
        Firm(data, 0, "P1", "甲");
        var result = Run(data.Build(), Table([Row(0, 2025, tax: 30)]), TaxOnly);
        Assert.Null(result.ScaleBasis);
        Assert.Equal("全部", Assert.Single(result.Groups).Name);
    }

    private static ParcelIntensity Checked(IntensityRules rules, params (string Key, object? Value)[] extra)
    {
        var data = Parks(("P1", "甲旗", 0));
        Firm(data, 0, "P1", "甲", industry: "新材料", extra: [("supplied_on", "2021-05-01"), .. extra]); // division 26: 容积率 ≥ 0.6
        return Assert.Single(Run(data.Build(), Table([Row(0, 2025, tax: 30) with { FixedInvestmentWan = 4500 }], "fixed_investment_wan"), rules).Parcels);
    }

    private static IntensityRules WithInvestment(double min) => IntensityRules.Default with { StandardLand = StandardLandThresholds.National with { InvestmentPerMuMin = min } };

    [Fact]
    public void A_parcel_meeting_four_indicators_and_failing_plot_ratio_fails()
    {
        var p = Checked(WithInvestment(200), ("floor_area_m2", 2500.0)); // 0.25: even doubled (0.5) under 0.6

        Assert.False(p.StandardLandPassed);
        var plot = p.Checks.Single(c => c.Indicator == "plot_ratio_min");
        Assert.Equal(0.6, plot.Threshold);
        Assert.False(plot.Passed);
        Assert.All(p.Checks.Where(c => c.Indicator != "plot_ratio_min"), c => Assert.True(c.Passed, c.ToString()));
    }

    [Fact]
    public void Plot_ratio_the_8_metre_rule_could_lift_is_undecided_and_a_counted_floor_area_is_judged_plainly()
    {
        var lifted = Checked(WithInvestment(200), ("floor_area_m2", 3500.0)); // 0.35: doubled 0.70 ≥ 0.6
        var plot = lifted.Checks.Single(c => c.Indicator == "plot_ratio_min");
        Assert.Null(plot.Passed);
        Assert.Equal(StandardLandCheck.MayPassEightMetreRule, plot.Note);
        Assert.Null(lifted.StandardLandPassed);

        var counted = Checked(WithInvestment(200), ("floor_area_m2", 3500.0), ("floor_area_counted_m2", 3500.0));
        Assert.False(counted.StandardLandPassed);
    }

    [Fact]
    public void Without_an_investment_threshold_the_verdict_is_incomplete_never_a_pass()
    {
        var p = Checked(IntensityRules.Default);

        Assert.Null(p.StandardLandPassed);
        Assert.False(p.FailsStandardLand);
        Assert.Equal(["investment_per_mu"], p.Incomplete);
        Assert.Equal(StandardLandCheck.NotConfigured, p.Checks.Single(c => c.Indicator == "investment_per_mu").Note);
        Assert.True(Checked(WithInvestment(300)).StandardLandPassed); // 4500 万元 / 15 亩 = 300: at the limit passes
    }

    [Fact]
    public void Thresholds_follow_the_supply_date_a_2021_parcel_on_the_2008_version_a_2023_parcel_on_the_standard_land_one()
    {
        var rules = WithInvestment(200) with
        {
            Versions =
            [
                StandardLandVersion.Defaults[0],
                StandardLandVersion.Defaults[1] with { Thresholds = new StandardLandThresholds(TaxPerMuMin: 5) },
            ],
        };

        var before = Checked(rules, ("supplied_on", "2021-05-01")); // tax 2 万元/亩 but supplied before 标准地
        var after = Checked(rules, ("supplied_on", "2023-05-01"));
        var undated = Checked(rules, ("supplied_on", ""));

        Assert.Equal(StandardLandVersion.ControlIndicators, before.Regime);
        Assert.True(before.StandardLandPassed);
        Assert.Equal(StandardLandVersion.StandardLand, after.Regime);
        Assert.False(after.StandardLandPassed);
        Assert.False(after.Checks.Single(c => c.Indicator == "tax_per_mu").Passed);
        Assert.Null(undated.SuppliedOn); // no date: today's versions, and the output says so
        Assert.Equal(StandardLandVersion.StandardLand, undated.Regime);
    }

    [Fact]
    public void A_contract_value_wins_over_the_table()
    {
        var p = Checked(WithInvestment(200), ("contract_investment_per_mu_min", 400.0));
        Assert.Equal(400.0, p.Checks.Single(c => c.Indicator == "investment_per_mu").Threshold);
        Assert.False(p.StandardLandPassed);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(42)]
    public void Grades_by_sorting_equal_grades_by_counting_better_scores_with_many_ties(int seed)
    {
        var random = new Random(seed);
        var scores = Enumerable.Range(0, 500).Select(_ => (double)random.Next(40)).ToList();
        var cutoffs = IntensityRules.Default.GradeCutoffs;

        var expected = scores.Select(s =>
        {
            var percentile = (double)scores.Count(o => o > s) / scores.Count;
            return percentile < cutoffs[0] ? "A" : percentile < cutoffs[1] ? "B" : percentile < cutoffs[2] ? "C" : "D";
        });

        Assert.Equal(expected, GradeClassing.Classify(scores, cutoffs));
    }
}
