using FsCheck.Xunit;
using ParkGis.Core.Intensity;

namespace ParkGis.Core.Tests.Intensity;

public sealed class LandSupplyRateTests
{
    [Fact]
    public void A_park_whose_supplied_unbuilt_land_exceeds_its_approved_unsupplied_land_stays_at_or_under_100_percent()
    {
        // P02's shape on the sample: D 2,178,491 m² supplied, A 1,231,835 m² built (all supplied), R 938,730 m² 批而未供.
        // The old formula D / (A + R) gave 2,178,491 / 2,170,565 = 1.0037.
        var rate = IntensityAnalysis.LandSupplyRate(2_178_491, builtNotSuppliedM2: 0, readyForSupplyM2: 938_730);

        Assert.Equal(2_178_491.0 / (2_178_491 + 938_730), rate!.Value, 12);
        Assert.True(rate <= 1);
    }

    [Fact]
    public void Built_land_not_supplied_enters_the_denominator_once()
    {
        Assert.Equal(0.5, IntensityAnalysis.LandSupplyRate(100, builtNotSuppliedM2: 50, readyForSupplyM2: 50));
    }

    [Fact]
    public void No_land_that_met_the_supply_condition_gives_no_rate()
    {
        Assert.Null(IntensityAnalysis.LandSupplyRate(0, 0, 0));
    }

    [Property(MaxTest = 200)]
    public bool Never_exceeds_one_for_any_split_of_supplied_built_and_ready_land(int seed)
    {
        var random = new Random(seed);
        double Area() => random.Next(4) == 0 ? 0 : random.NextDouble() * Math.Pow(10, random.Next(0, 8));
        var rate = IntensityAnalysis.LandSupplyRate(Area(), Area(), Area());
        return rate is null or (>= 0 and <= 1);
    }
}
