using ParkGis.Core.Data;
using ParkGis.Core.Idle;
using ParkGis.Core.Tests.Supply;
using static ParkGis.Core.Tests.Supply.LandTestData;

namespace ParkGis.Core.Tests.Idle;

public sealed class IdleLandSurveyTests
{
    private static readonly DateOnly AsOf = new(2026, 6, 30);

    private static LandTestData Data() => new LandTestData()
        .Add(LayerRole.Parks, "P1", Box(0, 0, 100, 100), ("park_id", "P1"), ("name", "甲园区"))
        .Add(LayerRole.Parks, "P2", Box(100, 0, 200, 100), ("park_id", "P2"), ("name", "乙园区"))
        .Add(LayerRole.Parcels, "L1", Box(60, 0, 120, 50),
            ("parcel_id", "L1"), ("park_id", ""), ("supplied_on", "2020/1/1"), ("agreed_start", "20240630"), ("land_price_wan", 500.0))
        .Add(LayerRole.Parcels, "L2", Box(150, 0, 200, 50),
            ("parcel_id", "L2"), ("park_id", "P2"), ("supplied_on", "2020-01-01"), ("agreed_start", "not a date"));

    [Fact]
    public void Parcel_without_park_id_goes_to_the_park_it_overlaps_most_and_its_area_is_measured()
    {
        var result = IdleLandSurvey.Run(Data().Build(), AsOf);

        var l1 = result.Parcels.Single(p => p.ParcelId == "L1");
        Assert.Equal("P1", l1.ParkId);
        Assert.Equal(3000, l1.AreaM2, 6);
        Assert.Equal(IdleStatus.IdleUnstarted, l1.Verdict.Status);
        Assert.True(l1.Verdict.ReclaimEligible, "exactly two years");
        Assert.Equal(100, l1.Verdict.IdleFeeWan!.Value, 9);
        var p1 = result.Parks.Single(p => p.ParkId == "P1");
        Assert.Equal(1, p1.IdleParcels);
        Assert.Equal(3000, p1.IdleAreaM2, 6);
        Assert.Equal(3000, result.Totals.ReclaimAreaM2, 6);
        Assert.True(result.HasIdleLand);
    }

    [Fact]
    public void Unparseable_agreed_start_gives_status_unknown_and_a_data_issue_naming_the_field()
    {
        var result = IdleLandSurvey.Run(Data().Build(), AsOf);

        Assert.Equal(IdleStatus.Unknown, result.Parcels.Single(p => p.ParcelId == "L2").Verdict.Status);
        Assert.Contains(result.Issues, i => i.Feature == "L2" && i.Code == DataIssueCodes.UnparseableValue
            && i.Message.Contains("agreed_start", StringComparison.Ordinal));
    }

    [Fact]
    public void Survey_does_not_depend_on_feature_order()
    {
        var a = IdleLandSurvey.Run(Data().Build(), AsOf);
        var b = IdleLandSurvey.Run(Data().Build(reversed: true), AsOf);

        Assert.Equal(a.Parcels.Select(p => (p.ParcelId, p.ParkId, p.AreaM2, p.Verdict)), b.Parcels.Select(p => (p.ParcelId, p.ParkId, p.AreaM2, p.Verdict)));
        Assert.Equal(a.Issues, b.Issues);
        Assert.Equal(a.Totals, b.Totals);
    }
}
