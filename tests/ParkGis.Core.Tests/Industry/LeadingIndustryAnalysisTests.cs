using ParkGis.Core.Data;
using ParkGis.Core.Industry;
using ParkGis.Core.Intensity;
using ParkGis.Core.Parks;
using ParkGis.Core.Tests.Infrastructure;
using static ParkGis.Core.Tests.Infrastructure.ParkData;

namespace ParkGis.Core.Tests.Industry;

public sealed class LeadingIndustryAnalysisTests
{
    private const double X = 500000, Y = 4400000;

    private static Dataset TwoParks() => new ParkData()
        .Park("P1", Rectangle(X, Y, X + 1000, Y + 1000))
        .Park("P2", Rectangle(X + 2000, Y, X + 3000, Y + 1000))
        .Parcel("A", "P1", Rectangle(X + 100, Y + 100, X + 200, Y + 200), industry: "煤化工")
        .Parcel("B", "P1", Rectangle(X + 300, Y + 100, X + 400, Y + 200), industry: "物流")
        .Parcel("C", "P1", Rectangle(X + 500, Y + 100, X + 600, Y + 200), industry: "新材料")
        .Parcel("D", "P2", Rectangle(X + 2100, Y + 100, X + 2200, Y + 200), industry: "光伏")
        .Build();

    private static Dictionary<string, ParkProfile> Leading(params string[] industries) => new(StringComparer.Ordinal)
    {
        ["P1"] = ParkProfile.Empty("P1") with { LeadingIndustries = industries },
        ["P2"] = ParkProfile.Empty("P2") with { LeadingIndustries = ["光伏"] },
    };

    /// <summary>An economics table of (parcel, year, output) rows.</summary>
    private static EconomicsTable Table(params (string Parcel, int Year, double Output)[] rows) => new(
        "economics.csv",
        new HashSet<string>(["parcel_id", "year", "output_wan"], StringComparer.Ordinal),
        [.. rows.Select((r, i) => new EconomicsRecord(i + 1, r.Parcel, null, r.Year, OutputWan: r.Output))]);

    [Theory]
    [InlineData(80.0, true)] // exactly 80%: equality passes
    [InlineData(79.99, false)] // a hair under
    public void Share_at_the_80_percent_threshold(double leadingOutput, bool passes)
    {
        var economics = Table(("A", 2025, leadingOutput), ("B", 2025, 100 - leadingOutput), ("C", 2021, 500));

        var result = new LeadingIndustryAnalysis(LeadingIndustryOptions.Default with { Year = 2025 }).Analyze(TwoParks(), Leading("煤化工"), economics);

        var p1 = result.Parks.Single(p => p.ParkId == "P1").Park;
        Assert.Equal(leadingOutput / 100, p1.Share!.Value, 12);
        Assert.Equal(passes, p1.Passes);
        Assert.Equal(["物流"], p1.PullingDown);
    }

    [Fact]
    public void Park_without_economics_rows_is_not_computable_rather_than_zero()
    {
        var economics = Table(("A", 2025, 90), ("B", 2025, 10));

        var result = new LeadingIndustryAnalysis(LeadingIndustryOptions.Default).Analyze(TwoParks(), Leading("煤化工"), economics);

        var p2 = result.Parks.Single(p => p.ParkId == "P2").Park;
        Assert.Null(p2.Share);
        Assert.Null(p2.Passes);
        Assert.Contains("economics rows", p2.Missing, StringComparison.Ordinal);
        Assert.Equal(0.9, result.Parks.Single(p => p.ParkId == "P1").Park.Share!.Value, 12);
        Assert.Equal(2025, result.Year);
    }

    [Fact]
    public void No_economics_table_at_all_names_the_table_as_missing()
    {
        var result = new LeadingIndustryAnalysis(LeadingIndustryOptions.Default).Analyze(TwoParks(), Leading("煤化工"), null);

        Assert.All(result.Parks, p => Assert.Null(p.Park.Share));
        Assert.All(result.Parks, p => Assert.Contains("economics.csv", p.Park.Missing, StringComparison.Ordinal));
        Assert.Null(result.Year);
    }

    [Fact]
    public void Industries_pulling_the_share_down_come_largest_first()
    {
        var economics = Table(("A", 2025, 50), ("B", 2025, 10), ("C", 2025, 40));

        var result = new LeadingIndustryAnalysis(LeadingIndustryOptions.Default).Analyze(TwoParks(), Leading("煤化工"), economics);

        var p1 = result.Parks.Single(p => p.ParkId == "P1").Park;
        Assert.Equal(["新材料", "物流"], p1.PullingDown);
        Assert.Equal(0.5, p1.Share!.Value, 12);
        Assert.False(p1.Passes);
    }

    private static Dataset OnLand(params (string Id, string Park, string LandUse, string Industry, int Left)[] parcels)
    {
        var data = new ParkData()
            .Park("P1", Rectangle(X, Y, X + 1000, Y + 1000))
            .Park("P2", Rectangle(X + 2000, Y, X + 3000, Y + 1000));
        foreach (var (id, park, landUse, industry, left) in parcels)
        {
            data.Add(LayerRole.Parcels, id, Rectangle(X + left, Y + 100, X + left + 100, Y + 200), ("parcel_id", id), ("park_id", park), ("land_use", landUse), ("industry", industry));
        }

        return data.Build();
    }

    [Fact]
    public void Eighty_percent_leading_and_twenty_percent_logistics_scores_100_percent_on_the_industrial_basis()
    {
        var dataset = OnLand(("A", "P1", "100101", "煤化工", 100), ("B", "P1", "1101", "物流", 300), ("D", "P2", "100102", "光伏", 2100));
        var economics = Table(("A", 2025, 80), ("B", 2025, 20), ("D", 2025, 50));

        var industrial = new LeadingIndustryAnalysis(LeadingIndustryOptions.Default with { Year = 2025 }).Analyze(dataset, Leading("煤化工"), economics);
        var all = new LeadingIndustryAnalysis(LeadingIndustryOptions.Default with { Year = 2025, Basis = LeadingShareBasis.AllOutput }).Analyze(dataset, Leading("煤化工"), economics);

        var p1 = industrial.Parks.Single(p => p.ParkId == "P1").Park;
        Assert.Equal(1.0, p1.Share!.Value, 12);
        Assert.Equal(20.0, p1.ExcludedOutputWan, 12);
        Assert.Equal(LeadingShareBasis.IndustrialOutput, p1.Basis);
        Assert.Empty(p1.PullingDown);
        Assert.Equal(0.8, all.Parks.Single(p => p.ParkId == "P1").Park.Share!.Value, 12);

        // A park without 物流 is the same on both bases.
        Assert.Equal(all.Parks.Single(p => p.ParkId == "P2").Park.Share, industrial.Parks.Single(p => p.ParkId == "P2").Park.Share);
    }

    [Fact]
    public void Logistics_declared_leading_stays_in_numerator_and_denominator()
    {
        var dataset = OnLand(("A", "P1", "100101", "煤化工", 100), ("B", "P1", "1101", "物流", 300), ("C", "P1", "100101", "新材料", 500));
        var economics = Table(("A", 2025, 50), ("B", 2025, 30), ("C", 2025, 20));

        var result = new LeadingIndustryAnalysis(LeadingIndustryOptions.Default with { Year = 2025 }).Analyze(dataset, Leading("煤化工", "物流"), economics);

        var p1 = result.Parks.Single(p => p.ParkId == "P1").Park;
        Assert.Equal(0.8, p1.Share!.Value, 12);
        Assert.Equal(0.0, p1.ExcludedOutputWan);
    }

    [Fact]
    public void Utility_output_stays_unless_the_setting_leaves_it_out()
    {
        var dataset = OnLand(("A", "P1", "100101", "煤化工", 100), ("U", "P1", "1302", "公用设施", 300));
        var economics = Table(("A", 2025, 90), ("U", 2025, 10));

        var kept = new LeadingIndustryAnalysis(LeadingIndustryOptions.Default with { Year = 2025 }).Analyze(dataset, Leading("煤化工"), economics);
        var left = new LeadingIndustryAnalysis(LeadingIndustryOptions.Default with { Year = 2025, ExcludeUtilities = true }).Analyze(dataset, Leading("煤化工"), economics);

        Assert.Equal(0.9, kept.Parks.Single(p => p.ParkId == "P1").Park.Share!.Value, 12);
        Assert.Equal(1.0, left.Parks.Single(p => p.ParkId == "P1").Park.Share!.Value, 12);
    }
}
