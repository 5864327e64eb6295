using NetTopologySuite.Geometries;
using ParkGis.Core.Infrastructure;

namespace ParkGis.Core.Tests.Infrastructure;

public sealed class PackedEnvelopeTreeTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(16)] // one full leaf
    [InlineData(17)] // two leaves
    [InlineData(257)] // three levels
    [InlineData(5000)]
    public void Every_item_sits_in_exactly_one_leaf_of_at_most_sixteen_entries(int count)
    {
        var envelopes = RandomEnvelopes(count, seed: count);
        var tree = new PackedEnvelopeTree(envelopes);

        var seen = new List<int>();
        if (tree.Root >= 0)
        {
            Walk(tree, tree.Root, envelopes, seen);
        }

        Assert.Equal(Enumerable.Range(0, count), seen.Order());
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 50)]
    [InlineData(3, 500)]
    public void A_search_by_distance_reaches_exactly_the_items_within_it(int seed, double reach)
    {
        var envelopes = RandomEnvelopes(2000, seed);
        var tree = new PackedEnvelopeTree(envelopes);
        var random = new Random(seed);
        for (var q = 0; q < 50; q++)
        {
            var (x, y) = (random.NextDouble() * 12_000 - 1_000, random.NextDouble() * 12_000 - 1_000);
            var query = new Envelope(x, x + 30, y, y + 20);
            var expected = Enumerable.Range(0, envelopes.Count).Where(i => envelopes[i].Distance(query) <= reach).ToList();

            var found = new List<int>();
            var pending = new Stack<int>([tree.Root]);
            while (pending.Count > 0)
            {
                var node = pending.Pop();
                for (var child = tree.FirstChild(node); child < tree.EndChild(node); child++)
                {
                    if (tree.Distance(child, query) <= reach)
                    {
                        if (tree.IsItem(child))
                        {
                            found.Add(tree.ItemOf(child));
                        }
                        else
                        {
                            pending.Push(child);
                        }
                    }
                }
            }

            Assert.Equal(expected, found.Order());
        }
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 300)]
    [InlineData(3, 70_000)] // five levels: the search's stack is sized by them
    public void A_search_for_shared_interiors_finds_exactly_the_boxes_overlapping_in_an_area(int seed, int count)
    {
        var envelopes = RandomEnvelopes(count, seed);
        envelopes[0] = new Envelope(1_000, 1_030, 1_000, 1_020); // the queries below touch it along a side and at a corner
        var tree = new PackedEnvelopeTree(envelopes);
        var random = new Random(seed);
        var queries = new List<Envelope> { new(1_030, 1_060, 1_000, 1_020), new(1_030, 1_060, 1_020, 1_040), new(1_029, 1_060, 1_019, 1_040) };
        for (var q = 0; q < 30; q++)
        {
            var (x, y) = ((random.NextDouble() * 12_000) - 1_000, (random.NextDouble() * 12_000) - 1_000);
            queries.Add(new Envelope(x, x + 30, y, y + 20));
        }

        foreach (var query in queries)
        {
            var expected = Enumerable.Range(0, envelopes.Count)
                .Where(i => Math.Min(envelopes[i].MaxX, query.MaxX) > Math.Max(envelopes[i].MinX, query.MinX)
                    && Math.Min(envelopes[i].MaxY, query.MaxY) > Math.Max(envelopes[i].MinY, query.MinY))
                .ToList();
            var found = new List<int>();
            tree.SharingInterior(query, found);

            Assert.Equal(expected, found.Order());
        }
    }

    private static void Walk(PackedEnvelopeTree tree, int node, IReadOnlyList<Envelope> envelopes, List<int> seen)
    {
        Assert.False(tree.IsItem(node));
        Assert.InRange(tree.EndChild(node) - tree.FirstChild(node), 1, 16);
        for (var child = tree.FirstChild(node); child < tree.EndChild(node); child++)
        {
            // An item's box is its envelope, and its leaf's box meets it (the search test shows the boxes cover).
            if (tree.IsItem(child))
            {
                var e = envelopes[tree.ItemOf(child)];
                Assert.Equal(0, tree.Distance(node, e));
                Assert.Equal(0, tree.Distance(child, e));
                seen.Add(tree.ItemOf(child));
            }
            else
            {
                Walk(tree, child, envelopes, seen);
            }
        }
    }

    private static List<Envelope> RandomEnvelopes(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ =>
        {
            var (x, y) = (random.NextDouble() * 10_000, random.NextDouble() * 10_000);
            return new Envelope(x, x + (random.NextDouble() * 300), y, y + (random.NextDouble() * 300));
        }).ToList();
    }
}
