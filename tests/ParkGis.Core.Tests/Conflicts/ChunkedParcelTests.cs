using System.Globalization;
using ParkGis.Core.Assessment;
using ParkGis.Core.Conflicts;
using ParkGis.Core.Crs;
using ParkGis.Core.Data;
using static ParkGis.Core.Tests.Conflicts.TestDatasets;

namespace ParkGis.Core.Tests.Conflicts;

/// <summary>
/// The parcels checked in chunks of file order (<see cref="ParcelChunks"/>) give exactly the totals and data issues of
/// the whole layer checked at once: overlaps and exact copies across chunk borders found once, sums in the same order.
/// </summary>
public sealed class ChunkedParcelTests
{
    private const double X = 500_000, Y = 4_400_000;

    private static ConflictCheckResult Check(Dataset dataset, int? perChunk, double minAreaM2 = 1.0)
    {
        var inputs = AssessmentInputs.Of(dataset);
        if (perChunk is { } size)
        {
            inputs = inputs with { ParcelChunks = ParcelChunks.Of(dataset.Find(LayerRole.Parcels)!, size) };
        }

        return new ConflictCheck(new ConflictCheckOptions(minAreaM2)).Check(new ParkAssessment(inputs));
    }

    private static void AssertSame(ConflictCheckResult whole, ConflictCheckResult chunked, string because)
    {
        Assert.True(whole.Parcels == chunked.Parcels, $"{because}: parcels {whole.Parcels} against {chunked.Parcels}");
        Assert.True(whole.Parcels!.ParcelOverlap.Stacks == chunked.Parcels!.ParcelOverlap.Stacks, because);
        Assert.Equal(whole.Issues.Select(i => i.ToString()), chunked.Issues.Select(i => i.ToString()));
        Assert.Equal(whole.Parks.Count, chunked.Parks.Count);
    }

    [Fact]
    public void Parcels_checked_one_by_one_give_the_totals_and_issues_of_the_whole_layer()
    {
        // Two parks, a red line and farmland; L1/L2 overlap, L3 is a copy of L1 (three chunks apart), L4 lies outside
        // every park, L5 is empty, L6 is a bow tie (invalid), L7 touches L4 along an edge only.
        var dataset = new TestDatasets()
            .With(LayerRole.Parks, Square(X, Y, 1000), Square(X + 2000, Y, 1000))
            .With(LayerRole.EcologicalRedline, Square(X + 500, Y + 500, 1000))
            .With(LayerRole.PermanentFarmland, Square(X - 100, Y - 100, 300))
            .With(LayerRole.Parcels,
                Square(X + 10, Y + 10, 100),
                Square(X + 60, Y + 60, 100),
                Square(X + 10, Y + 10, 100),
                Square(X + 1500, Y, 100),
                string.Empty,
                FormattableString.Invariant($"POLYGON(({X} {Y}, {X + 10} {Y + 10}, {X + 10} {Y}, {X} {Y + 10}, {X} {Y}))"),
                Square(X + 1600, Y, 100))
            .Build();

        var whole = Check(dataset, perChunk: null);
        Assert.Equal(4, whole.Parcels!.Count);
        Assert.Equal(1, whole.Parcels.ParcelOverlap.Pairs);
        Assert.Equal(2500, whole.Parcels.ParcelOverlap.AreaM2, 6);
        Assert.Contains(whole.Issues, i => i.Code == DataIssueCodes.DuplicateGeometry && i.Feature == "L3");
        foreach (var perChunk in new[] { 1, 2, 3, 7 })
        {
            AssertSame(whole, Check(dataset, perChunk), $"chunks of {perChunk}");
        }
    }

    [Fact]
    public void Each_chunk_is_released_after_it_is_checked_and_a_full_collection_there_changes_nothing()
    {
        // The CLI may compact the heap when a chunk is let go (StreamingMemory): the hook comes after each chunk, counting
        // them, and what the check holds across it (the kept parcels, the figures) gives the whole layer's result.
        var dataset = new TestDatasets()
            .With(LayerRole.Parks, Square(X, Y, 1000))
            .With(LayerRole.EcologicalRedline, Square(X + 500, Y + 500, 1000))
            .With(LayerRole.Parcels,
                Square(X + 10, Y + 10, 100),
                Square(X + 300, Y + 300, 400),
                Square(X + 60, Y + 60, 100),
                Square(X + 10, Y + 10, 100),
                Square(X + 600, Y + 600, 100))
            .Build();
        var parcels = dataset.Find(LayerRole.Parcels)!;
        var whole = Check(dataset, perChunk: null);
        var reads = 0;
        var released = new List<(int Done, int Reads)>();
        var cut = ParcelChunks.Of(parcels, 2);
        var chunks = new ParcelChunks(cut.Layer, cut.Count, cut.PerChunk, cut.EnvelopeOf, (start, count) =>
        {
            reads++;
            return [.. parcels.Features.Skip(start).Take(count)];
        })
        {
            ChunkReleased = done =>
            {
                released.Add((done, reads));
                GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            },
        };

        var chunked = new ConflictCheck(new ConflictCheckOptions(1.0)).Check(new ParkAssessment(AssessmentInputs.Of(dataset) with { ParcelChunks = chunks }));

        Assert.Equal([(1, 1), (2, 2), (3, 3)], released);
        AssertSame(whole, chunked, "chunks of 2 with a full collection after the last");
        var held = ParcelChunks.Whole(parcels);
        var calls = 0;
        held.ChunkReleased = _ => calls++;
        new ConflictCheck(new ConflictCheckOptions(1.0)).Check(new ParkAssessment(AssessmentInputs.Of(dataset) with { ParcelChunks = held }));
        Assert.True(calls == 0, "a layer held whole is one chunk: nothing is released before the end");
    }

    [Theory]
    [InlineData(1, 4545)]
    [InlineData(2, 4545)]
    [InlineData(3, 4545)]
    [InlineData(4, 4490)]
    [InlineData(5, 4490)]
    public void Random_parcels_with_overlaps_copies_and_stacks_across_chunk_borders_give_the_totals_of_the_whole_layer(int seed, int epsg)
    {
        var random = new Random(seed);
        var crs = CrsRegistry.FromEpsg(epsg)!;
        // A 40 × 40 grid of 20 m cells; lon/lat data on the same grid at about 0.0002° a cell, near 117° E 40° N.
        var (x0, y0, cell) = epsg == 4490 ? (117.0, 40.0, 0.0002) : (X, Y, 20.0);
        string Cell(double i, double j, double w, double h) =>
            Rectangle(Math.Round(x0 + (i * cell), 7), Math.Round(y0 + (j * cell), 7), Math.Round(x0 + ((i + w) * cell), 7), Math.Round(y0 + ((j + h) * cell), 7));

        var parcels = new List<string>();
        for (var k = 0; k < 400; k++)
        {
            if (random.Next(8) == 0 && parcels.Count > 0)
            {
                parcels.Add(parcels[random.Next(parcels.Count)]); // an exact copy, anywhere later in the file
            }
            else
            {
                parcels.Add(Cell(random.Next(40) + (random.Next(4) / 4.0), random.Next(40) + (random.Next(4) / 4.0), 0.5 + (random.Next(3) / 2.0), 0.5 + (random.Next(3) / 2.0)));
            }
        }

        var stacked = seed % 2 == 1;
        if (stacked)
        {
            // Forty different parcels on one spot, spread through the file: a stack (one overlaps more than 32 others).
            for (var k = 0; k < 40; k++)
            {
                parcels.Insert(random.Next(parcels.Count), Cell(30 + (random.Next(8) / 16.0), 30 + (random.Next(8) / 16.0), 1 + (random.Next(8) / 16.0), 1 + (random.Next(8) / 16.0)));
            }
        }

        var dataset = new TestDatasets()
            .With(LayerRole.Parks, crs, Cell(0, 0, 25, 25), Cell(20, 20, 25, 25))
            .With(LayerRole.EcologicalRedline, crs, Cell(10, 10, 10, 30))
            .With(LayerRole.PermanentFarmland, crs, Cell(-1, 27, 15, 15), Cell(27, -1, 15, 15))
            .With(LayerRole.Parcels, crs, [.. parcels])
            .Build();

        var whole = Check(dataset, perChunk: null);
        Assert.True(whole.Parcels!.ParcelOverlap.Pairs > 0 && whole.Issues.Any(i => i.Code == DataIssueCodes.DuplicateGeometry), "the seed must give overlaps and copies");
        Assert.Equal(stacked ? 1 : 0, whole.Parcels.ParcelOverlap.Stacks);
        foreach (var perChunk in new[] { 1, 7, 64, 399, 400 })
        {
            AssertSame(whole, Check(dataset, perChunk), string.Create(CultureInfo.InvariantCulture, $"seed {seed}, EPSG:{epsg}, chunks of {perChunk}"));
        }
    }

    [Fact]
    public void A_parcels_layer_whose_every_parcel_is_left_out_is_checked_not_a_defect()
    {
        // Main stopped with PG0999 (a parallel loop over no parcels); every parcel here is a bow tie or empty.
        var bowTie = FormattableString.Invariant($"POLYGON(({X} {Y}, {X + 10} {Y + 10}, {X + 10} {Y}, {X} {Y + 10}, {X} {Y}))");
        var dataset = new TestDatasets().With(LayerRole.Parks, Square(X, Y, 1000)).With(LayerRole.Parcels, bowTie, string.Empty).Build();

        foreach (var perChunk in new int?[] { null, 1 })
        {
            var result = Check(dataset, perChunk);
            Assert.Equal(0, result.Parcels!.Count);
            Assert.Equal(0, result.Parcels.ParcelOverlap.AreaM2);
            Assert.Contains(result.Issues, i => i.Code == DataIssueCodes.InvalidGeometry && i.Feature == "L1");
        }
    }

    [Fact]
    public void Ten_thousand_identical_parcels_in_different_chunks()
    {
        var parcels = Enumerable.Repeat(Square(X, Y, 20), 10_000).Append(Square(X + 10, Y, 20)).ToArray();
        var dataset = new TestDatasets().With(LayerRole.Parks, Square(X - 1000, Y - 1000, 2000)).With(LayerRole.Parcels, parcels).Build();

        var whole = Check(dataset, perChunk: null);
        var chunked = Check(dataset, perChunk: 1000);

        Assert.Equal(2, chunked.Parcels!.Count);
        Assert.Equal(200, chunked.Parcels.ParcelOverlap.AreaM2, 6);
        Assert.Equal(1, chunked.Parcels.ParcelOverlap.Pairs);
        var copies = chunked.Issues.Where(i => i.Code == DataIssueCodes.DuplicateGeometry).ToList();
        Assert.Equal(9_999, copies.Count);
        Assert.All(copies, i => Assert.Equal(ParkGis.Core.Localization.Localized.Format("DuplicateGeometry", "L1", "L1"), i.Message)); // the smallest id of all, not of a chunk
        AssertSame(whole, chunked, "chunks of 1000");
    }
}
