using FsCheck.Xunit;
using ParkGis.Core.Conflicts;
using ParkGis.IO.Output;

namespace ParkGis.IO.Tests.Properties;

/// <summary>No result depends on the order of the features, on lon/lat data across the zone line at 109.5°E.</summary>
public sealed class FeatureOrderTests
{
    [Property(MaxTest = 40)]
    public bool Check_json_is_byte_identical_whatever_the_order_of_features_across_the_zone_line(int seed, int shuffleSeed)
    {
        var dataset = ZoneLineDatasets.Generate(seed);
        return CheckJson(dataset).SequenceEqual(CheckJson(ZoneLineDatasets.Shuffle(dataset, shuffleSeed)));
    }

    [Fact]
    public void Generated_data_straddles_the_zone_line_with_overlapping_parcels()
    {
        // The property above means something only if the data measures figures in both zones and has overlaps.
        var straddling = 0;
        var overlapping = 0;
        for (var seed = 0; seed < 20; seed++)
        {
            var result = new ConflictCheck(ConflictCheckOptions.Default).Check(ZoneLineDatasets.Generate(seed));
            straddling += result.Parks.Select(p => p.Crs.Epsg).Distinct().Count() > 1 ? 1 : 0;
            overlapping += result.Parcels!.ParcelOverlap.Pairs > 0 ? 1 : 0;
        }

        Assert.True(straddling >= 5, $"only {straddling} of 20 datasets have parks in both zones");
        Assert.True(overlapping >= 10, $"only {overlapping} of 20 datasets have overlapping parcels");
    }

    private static byte[] CheckJson(Core.Data.Dataset dataset)
    {
        using var stream = new MemoryStream();
        CheckJsonWriter.Write(stream, new ConflictCheck(ConflictCheckOptions.Default).Check(dataset));
        return stream.ToArray();
    }
}
