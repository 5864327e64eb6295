using ParkGis.Core.Assessment;
using ParkGis.Core.Data;
using ParkGis.Core.Tests.Infrastructure;
using static ParkGis.Core.Tests.Infrastructure.ParkData;

namespace ParkGis.Core.Tests.Assessment;

public sealed class ScreenedAreaTests
{
    [Fact]
    public void Parcel_areas_are_each_parcels_own()
    {
        // 3,000 parcels 10 m wide and 1–3,000 m tall, added out of id order: each area, in its feature's slot, is 10 × its
        // height exactly.
        const double X = 500000, Y = 4400000;
        var data = new ParkData().Park("P1", Rectangle(X, Y, X + 40000, Y + 4000));
        for (var i = 2999; i >= 0; i--)
        {
            data.Parcel(FormattableString.Invariant($"L{i:D4}"), "P1", Rectangle(X + (i * 12), Y, X + (i * 12) + 10, Y + i + 1));
        }

        var parcels = ParkAssessment.Of(data.Build()).Screened(LayerRole.Parcels)!;

        Assert.Equal(3000, parcels.Count);
        for (var k = 0; k < parcels.Count; k++)
        {
            var height = int.Parse(parcels.Features[k].Id.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture) + 1;
            Assert.True(Math.Abs(parcels.AreaM2(k) - (10.0 * height)) < 1e-6, $"{parcels.Features[k].Id}: {parcels.AreaM2(k)} m², expected {10.0 * height}");
        }
    }
}
