using NetTopologySuite.IO;
using ParkGis.Core.Crs;
using ParkGis.Core.Data;
using ParkGis.Core.Intensity;

namespace ParkGis.Core.Tests.Intensity;

public sealed class IntensityAnalysisTests
{
    // A 100 m square in EPSG:4545 is 10 000 m² = 15 亩 exactly.
    private const string Square15Mu = "POLYGON((0 0, 100 0, 100 100, 0 100, 0 0))";
    private static readonly WKTReader Reader = new();

    private static Dictionary<string, object?> Attributes(params (string Key, object? Value)[] pairs)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in pairs)
        {
            map[key] = value;
        }

        return map;
    }

    private static Dictionary<string, object?> Industrial(string id, string landUse = "100101", string enterprise = "甲公司") => Attributes(
        ("parcel_id", id), ("park_id", "P1"), ("land_use", landUse), ("industry", "装备制造"), ("enterprise", enterprise),
        ("floor_area_m2", 12000.0), ("footprint_area_m2", 3000.0), ("yard_area_m2", 500.0), ("admin_area_m2", 600.0), ("green_area_m2", 1500.0));

    private static Dataset Dataset(params (string Wkt, Dictionary<string, object?> Attributes)[] parcels)
    {
        var crs = CrsRegistry.FromEpsg(4545)!;
        var park = new Feature("P1", 1, Reader.Read("POLYGON((-1000 -1000, 5000 -1000, 5000 5000, -1000 5000, -1000 -1000))"), Attributes(("park_id", "P1"), ("name", "测试园区")));
        var features = parcels.Select((p, i) => new Feature((string)p.Attributes["parcel_id"]!, i + 1, Reader.Read(p.Wkt), p.Attributes)).ToList();
        var layers = new Dictionary<LayerRole, Layer>
        {
            [LayerRole.Parks] = new(LayerRole.Parks, "parks", "WKT", crs, [park], new Dictionary<string, string>()),
            [LayerRole.Parcels] = new(LayerRole.Parcels, "parcels", "WKT", crs, features, new Dictionary<string, string>()),
        };
        return new Dataset("test", layers, []);
    }

    private static EconomicsTable Economics(params EconomicsRecord[] rows) =>
        new("economics.csv", new HashSet<string>(["parcel_id", "year", "output_wan", "tax_wan", "value_added_wan", "fixed_investment_wan", "energy_tce", "employees"], StringComparer.Ordinal), rows);

    private static IntensityResult Run(Dataset dataset, EconomicsTable? economics, IntensityRules? rules = null, LandStatusInput? status = null) =>
        new IntensityAnalysis(IntensityOptions.Default with { Rules = rules ?? IntensityRules.Default }).Analyze(dataset, economics, status);

    [Fact]
    public void Per_mu_figures_of_a_15_mu_square_use_the_measured_area()
    {
        var attributes = Industrial("L1");
        attributes["area_mu"] = 999.0; // an attribute copy of the area is never used
        var result = Run(Dataset((Square15Mu, attributes)), Economics(
            new EconomicsRecord(1, "L1", null, 2025, OutputWan: 1500, TaxWan: 150, ValueAddedWan: 300, FixedInvestmentWan: 3000, EnergyTce: 60, Employees: 30)));
        var p = Assert.Single(result.Parcels);
        Assert.Equal(15.0, p.AreaMu, 9);
        Assert.Equal(100.0, p.OutputPerMu!.Value, 9);
        Assert.Equal(10.0, p.TaxPerMu!.Value, 9);
        Assert.Equal(200.0, p.InvestmentPerMu!.Value, 9);
        Assert.Equal(20.0, p.ValueAddedPerMu!.Value, 9);
        Assert.Equal(5.0, p.ValueAddedPerEnergy!.Value, 9);
        Assert.Equal(1.2, p.PlotRatio!.Value, 9);
        Assert.Equal(0.35, p.BuildingCoefficient!.Value, 9);
        Assert.Equal(0.06, p.AdminShare!.Value, 9);
        Assert.Equal(0.15, p.GreenRatio!.Value, 9);
        Assert.False(p.FailsStandardLand, string.Join("; ", p.Checks));
    }

    [Fact]
    public void Standard_land_fails_each_national_threshold_with_measured_value_and_threshold()
    {
        var attributes = Industrial("L1");
        attributes["footprint_area_m2"] = 2000.0; // (2000 + 500) / 10000 = 25 % < 30 %
        attributes["admin_area_m2"] = 800.0;      // 8 % > 7 %
        attributes["green_area_m2"] = 2100.0;     // 21 % > 20 %
        var p = Assert.Single(Run(Dataset((Square15Mu, attributes)), null).Parcels);
        var failed = p.Checks.Where(c => c.Passed == false).ToDictionary(c => c.Indicator);
        Assert.Equal(["admin_share", "building_coefficient", "green_ratio"], failed.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(0.25, failed["building_coefficient"].Measured!.Value, 9);
        Assert.Equal(0.30, failed["building_coefficient"].Threshold);
        Assert.Equal(0.07, failed["admin_share"].Threshold);
    }

    [Fact]
    public void Exactly_thirty_percent_building_coefficient_passes()
    {
        var attributes = Industrial("L1");
        attributes["footprint_area_m2"] = 2500.0; // (2500 + 500) / 10000 = 30 %
        var p = Assert.Single(Run(Dataset((Square15Mu, attributes)), null).Parcels);
        Assert.True(p.Checks.Single(c => c.Indicator == "building_coefficient").Passed);
    }

    [Fact]
    public void Local_investment_threshold_for_an_industry_applies_per_mu()
    {
        var rules = IntensityRules.Default with
        {
            Overrides = [new StandardLandOverride("P1", "装备制造", new StandardLandThresholds(InvestmentPerMuMin: 250))],
        };
        var result = Run(Dataset((Square15Mu, Industrial("L1"))), Economics(new EconomicsRecord(1, "L1", null, 2025, FixedInvestmentWan: 3000)), rules);
        var check = Assert.Single(result.Parcels[0].Checks, c => c.Indicator == "investment_per_mu");
        Assert.Equal(200.0, check.Measured!.Value, 9);
        Assert.False(check.Passed);
    }

    [Fact]
    public void A_share_of_35_is_a_unit_mistake_not_a_ratio()
    {
        var attributes = Industrial("L1");
        attributes.Remove("green_area_m2");
        attributes["green_ratio"] = 35.0;
        var result = Run(Dataset((Square15Mu, attributes)), null);
        Assert.Contains(result.Issues, i => i.Code == DataIssueCodes.UnitMistake && i.Feature == "L1");
        Assert.Null(result.Parcels[0].GreenRatio);
    }

    [Fact]
    public void Footprint_larger_than_the_parcel_and_negative_areas_are_data_issues()
    {
        var big = Industrial("L1");
        big["footprint_area_m2"] = 12000.0;
        var negative = Industrial("L2");
        negative["admin_area_m2"] = -5.0;
        var result = Run(Dataset((Square15Mu, big), ("POLYGON((200 0, 300 0, 300 100, 200 100, 200 0))", negative)), null);
        Assert.Contains(result.Issues, i => i.Code == DataIssueCodes.ImplausibleValue && i.Feature == "L1");
        Assert.Contains(result.Issues, i => i.Code == DataIssueCodes.NegativeValue && i.Feature == "L2");
        Assert.Null(result.Parcels[0].BuildingCoefficient);
        Assert.Null(result.Parcels[1].AdminShare);
    }

    [Fact]
    public void Land_survey_code_0601_is_industrial_and_1001_is_not()
    {
        Assert.Equal(LandUseCategory.Industrial, LandUseCodes.Categorize("0601", LandUseCodeList.LandSurvey));
        Assert.Equal(LandUseCategory.Logistics, LandUseCodes.Categorize("0508", LandUseCodeList.LandSurvey));
        Assert.Equal(LandUseCategory.Other, LandUseCodes.Categorize("1001", LandUseCodeList.LandSurvey));
        Assert.Equal(LandUseCategory.Industrial, LandUseCodes.Categorize("100102", LandUseCodeList.SpatialPlanning));
        Assert.Equal(LandUseCategory.Logistics, LandUseCodes.Categorize("1101", LandUseCodeList.SpatialPlanning));
    }

    [Fact]
    public void Code_list_is_detected_from_shape_and_mixing_is_reported()
    {
        Assert.Equal((LandUseCodeList.SpatialPlanning, false), LandUseCodes.Detect(["100101", "1101"]));
        Assert.Equal((LandUseCodeList.LandSurvey, false), LandUseCodes.Detect(["0601", "0508"]));
        Assert.Equal(((LandUseCodeList?)null, false), LandUseCodes.Detect(["0601", "1001"]));
        Assert.Equal(((LandUseCodeList?)null, true), LandUseCodes.Detect(["100101", "0508"]));

        var result = Run(Dataset((Square15Mu, Industrial("L1", "100101")), ("POLYGON((200 0, 300 0, 300 100, 200 100, 200 0))", Industrial("L2", "0508"))), null);
        Assert.Contains(result.Issues, i => i.Code == DataIssueCodes.MixedLandUseCodes);
        Assert.Null(result.CodeList);
        Assert.NotNull(result.Parks[0].Indicators.Single(i => i.Code == "industrial_land_rate").NotComputedReason);
    }

    [Fact]
    public void Land_survey_parcels_get_standard_land_checks_through_0601()
    {
        var result = Run(Dataset((Square15Mu, Industrial("L1", "0601")), ("POLYGON((200 0, 300 0, 300 100, 200 100, 200 0))", Industrial("L2", "0508"))), null);
        Assert.Equal(LandUseCodeList.LandSurvey, result.CodeList);
        Assert.True(result.Parcels[0].StandardLandChecked);
        Assert.False(result.Parcels[1].StandardLandChecked); // logistics: 标准地 applies to industrial land
    }

    [Fact]
    public void Park_indicators_divide_by_measured_built_land_and_name_what_is_missing()
    {
        var result = Run(Dataset((Square15Mu, Industrial("L1"))), Economics(new EconomicsRecord(1, "L1", null, 2025, TaxWan: 150, FixedInvestmentWan: 3000)));
        var park = Assert.Single(result.Parks);
        var byCode = park.Indicators.ToDictionary(i => i.Code);
        Assert.Equal(1.0, byCode["industrial_land_rate"].Value!.Value, 9);
        Assert.Equal(1.2, byCode["composite_plot_ratio"].Value!.Value, 9);
        Assert.Equal(0.3, byCode["building_density"].Value!.Value, 9);
        Assert.Equal(0.35, byCode["industrial_building_coefficient"].Value!.Value, 9);
        Assert.Equal(3000.0, byCode["industrial_investment_intensity"].Value!.Value, 9); // 3000 万元 / 1 公顷
        Assert.Equal(150.0, byCode["industrial_tax_per_ha"].Value!.Value, 9);
        Assert.Contains("supply/idle", byCode["land_supply_rate"].NotComputedReason, StringComparison.Ordinal);
        Assert.Contains("supply/idle", byCode["land_idle_rate"].NotComputedReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Supply_and_idle_results_give_supply_built_and_idle_rates()
    {
        var second = Industrial("L2");
        second["floor_area_m2"] = 0.0;
        second["footprint_area_m2"] = 0.0;
        var status = new LandStatusInput(
            [new ParcelLandStatus("L1", Supplied: true, Built: true, Idle: false), new ParcelLandStatus("L2", Supplied: true, Built: false, Idle: true)],
            new Dictionary<string, double>(StringComparer.Ordinal) { ["P1"] = 10000 });
        var result = Run(Dataset((Square15Mu, Industrial("L1")), ("POLYGON((200 0, 300 0, 300 100, 200 100, 200 0))", second)), null, status: status);
        var byCode = result.Parks[0].Indicators.ToDictionary(i => i.Code);
        // docs/rules.md#intensity-supply-rate: D 20000 / area(D ∪ A ∪ R) = 20000 / (20000 + 0 built-unsupplied + R 10000);
        // the old D / (A + B21) gave 20000 / 20000 and left the supplied-but-unbuilt L2 out of the denominator.
        Assert.Equal(2.0 / 3.0, byCode["land_supply_rate"].Value!.Value, 9);
        Assert.Equal(0.5, byCode["land_built_rate"].Value!.Value, 9);   // A 10000 / D 20000
        Assert.Equal(0.5, byCode["land_idle_rate"].Value!.Value, 9);    // G 10000 / D 20000
    }

    [Fact]
    public void Missing_floor_area_field_is_named_as_the_reason()
    {
        var attributes = Industrial("L1");
        attributes.Remove("floor_area_m2");
        var byCode = Run(Dataset((Square15Mu, attributes)), null).Parks[0].Indicators.ToDictionary(i => i.Code);
        Assert.Equal("the parcels have no floor_area_m2", byCode["composite_plot_ratio"].NotComputedReason);
        Assert.Equal("no economics table (economics.csv)", byCode["industrial_tax_per_ha"].NotComputedReason);
    }

    [Fact]
    public void Output_per_mu_progress_against_the_baseline()
    {
        var result = Run(Dataset((Square15Mu, Industrial("L1"))), Economics(
            new EconomicsRecord(1, "L1", null, 2021, OutputWan: 1500),
            new EconomicsRecord(2, "L1", null, 2025, OutputWan: 2250)));
        var progress = result.Parks[0].OutputPerMu;
        Assert.Equal(100.0, progress.Baseline!.Value, 9);
        Assert.Equal(150.0, progress.Current!.Value, 9);
        Assert.True(progress.ReachedPlus35);
        Assert.False(progress.ReachedDouble);
        Assert.Equal(0.5, progress.ProgressToDouble!.Value, 9);
    }

    [Fact]
    public void Small_and_unbuilt_enterprises_are_listed_but_not_graded()
    {
        var unbuilt = Industrial("L2", enterprise: "乙公司");
        unbuilt["floor_area_m2"] = 0.0;
        unbuilt["footprint_area_m2"] = 0.0;
        var small = Industrial("L3", enterprise: "丙公司");
        var result = Run(
            Dataset((Square15Mu, Industrial("L1")), ("POLYGON((200 0, 300 0, 300 100, 200 100, 200 0))", unbuilt), ("POLYGON((400 0, 440 0, 440 40, 400 40, 400 0))", small)),
            Economics(
                new EconomicsRecord(1, "L1", null, 2025, TaxWan: 150, ValueAddedWan: 300, EnergyTce: 60, Employees: 30),
                new EconomicsRecord(2, "L2", null, 2025, TaxWan: 10, ValueAddedWan: 30, EnergyTce: 6, Employees: 3),
                new EconomicsRecord(3, "L3", null, 2025, TaxWan: 10, ValueAddedWan: 30, EnergyTce: 6, Employees: 3)));
        var byUnit = result.Enterprises.ToDictionary(e => e.UnitId);
        Assert.Equal("A", byUnit["甲公司"].Grade);
        Assert.Equal(1.0, byUnit["甲公司"].Score!.Value, 9); // the only graded enterprise is the park average
        Assert.StartsWith("in construction", byUnit["乙公司"].NotGradedReason, StringComparison.Ordinal);
        Assert.StartsWith("land under 3", byUnit["丙公司"].NotGradedReason, StringComparison.Ordinal); // 1600 m² = 2.4 亩
    }

    [Fact]
    public void Percentile_classes_follow_25_70_95_and_ties_share_the_better_grade()
    {
        var cutoffs = IntensityRules.Default.GradeCutoffs;
        var twenty = Enumerable.Range(0, 20).Select(i => 20.0 - i).ToList();
        var grades = GradeClassing.Classify(twenty, cutoffs);
        Assert.Equal("AAAAABBBBBBBBBCCCCCD", string.Concat(grades));

        // Ranks 5 and 6 tie: both share rank 5 (percentile 0.20) and get A.
        var tied = twenty.ToList();
        tied[5] = tied[4];
        Assert.Equal("AAAAAABBBBBBBBCCCCCD", string.Concat(GradeClassing.Classify(tied, cutoffs)));

        // All equal: everyone is A.
        Assert.Equal("AAAA", string.Concat(GradeClassing.Classify([1.0, 1.0, 1.0, 1.0], cutoffs)));
    }
}
