using System.Runtime.CompilerServices;
using NetTopologySuite.Geometries;

namespace ParkGis.Core.Infrastructure;

/// <summary>
/// A static R-tree of envelopes packed into flat arrays: the items sorted sort-tile-recursive into leaves of
/// <see cref="NodeCapacity"/>, the nodes above grouped in the order they were made. Built once and only read after, so
/// many threads may search it at once; a search walks arrays, without the virtual calls of NTS's trees. Entry
/// <c>e</c> below <see cref="Count"/> is item <see cref="ItemOf"/>(e); the others are nodes, the root last.
/// </summary>
internal sealed class PackedEnvelopeTree
{
    /// <summary>Entries per node.</summary>
    private const int NodeCapacity = 16;

    private readonly double[] _minX;
    private readonly double[] _maxX;
    private readonly double[] _minY;
    private readonly double[] _maxY;
    private readonly int[] _items;
    private readonly int[] _firstChild;
    private readonly int _levels;

    /// <summary>Packs <paramref name="envelopes"/> (item i = envelopes[i]).</summary>
    public PackedEnvelopeTree(IReadOnlyList<Envelope> envelopes)
    {
        ArgumentNullException.ThrowIfNull(envelopes);
        Count = envelopes.Count;
        _items = SortTileRecursive(envelopes);
        var boxes = new List<(double MinX, double MaxX, double MinY, double MaxY)>(Count + (Count / (NodeCapacity - 1)) + 2);
        foreach (var item in _items)
        {
            var e = envelopes[item];
            boxes.Add((e.MinX, e.MaxX, e.MinY, e.MaxY));
        }

        // Each level groups the entries of the level below, in order; the level of one node is the root.
        var firstChild = new List<int>();
        var (levelStart, levelEnd) = (0, Count);
        do
        {
            for (var start = levelStart; start < levelEnd; start += NodeCapacity)
            {
                var end = Math.Min(levelEnd, start + NodeCapacity);
                var (minX, maxX, minY, maxY) = boxes[start];
                for (var c = start + 1; c < end; c++)
                {
                    var b = boxes[c];
                    (minX, maxX, minY, maxY) = (Math.Min(minX, b.MinX), Math.Max(maxX, b.MaxX), Math.Min(minY, b.MinY), Math.Max(maxY, b.MaxY));
                }

                boxes.Add((minX, maxX, minY, maxY));
                firstChild.Add(start);
            }

            _levels++;

            (levelStart, levelEnd) = (levelEnd, boxes.Count);
        }
        while (levelEnd - levelStart > 1 && Count > 0);

        firstChild.Add(levelStart); // the end of the root's children
        _firstChild = [.. firstChild];
        _minX = [.. boxes.Select(b => b.MinX)];
        _maxX = [.. boxes.Select(b => b.MaxX)];
        _minY = [.. boxes.Select(b => b.MinY)];
        _maxY = [.. boxes.Select(b => b.MaxY)];
        Root = Count == 0 ? -1 : boxes.Count - 1;
    }

    /// <summary>The number of items.</summary>
    public int Count { get; }

    /// <summary>The root entry; -1 when there is no item.</summary>
    public int Root { get; }

    /// <summary>True when <paramref name="entry"/> is an item (false: a node).</summary>
    public bool IsItem(int entry) => entry < Count;

    /// <summary>The item of an item entry.</summary>
    public int ItemOf(int entry) => _items[entry];

    /// <summary>The first child entry of a node entry.</summary>
    public int FirstChild(int node) => _firstChild[node - Count];

    /// <summary>The end (exclusive) of a node entry's children.</summary>
    public int EndChild(int node) => _firstChild[node - Count + 1];

    /// <summary>The distance between an entry's box and <paramref name="envelope"/> (<see cref="FacetDistance.Distance(double, double, double, double, Envelope)"/>).</summary>
    public double Distance(int entry, Envelope envelope) =>
        FacetDistance.Distance(_minX[entry], _maxX[entry], _minY[entry], _maxY[entry], envelope);

    /// <summary>
    /// Adds to <paramref name="items"/> every item whose box overlaps <paramref name="envelope"/> in an area (not merely
    /// along a side or at a corner), in the tree's order.
    /// </summary>
    public void SharingInterior(Envelope envelope, List<int> items)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(items);
        var (minX, maxX, minY, maxY) = (envelope.MinX, envelope.MaxX, envelope.MinY, envelope.MaxY);
        if (Root < 0 || !SharesInterior(Root, minX, maxX, minY, maxY))
        {
            return;
        }

        // An item's box that overlaps the envelope in an area lies in node boxes that do too. Depth first, so at most
        // all but one child of each level wait.
        Span<int> pending = stackalloc int[((NodeCapacity - 1) * _levels) + 1];
        var count = 0;
        pending[count++] = Root;
        while (count > 0)
        {
            var node = pending[--count];
            for (var child = FirstChild(node); child < EndChild(node); child++)
            {
                if (!SharesInterior(child, minX, maxX, minY, maxY))
                {
                    continue;
                }

                if (IsItem(child))
                {
                    items.Add(_items[child]);
                }
                else
                {
                    pending[count++] = child;
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool SharesInterior(int entry, double minX, double maxX, double minY, double maxY) =>
        Math.Min(_maxX[entry], maxX) > Math.Max(_minX[entry], minX) && Math.Min(_maxY[entry], maxY) > Math.Max(_minY[entry], minY);

    /// <summary>The items in leaf order: sorted by centre x into vertical slices, each slice by centre y (ties by item).</summary>
    private static int[] SortTileRecursive(IReadOnlyList<Envelope> envelopes)
    {
        var n = envelopes.Count;
        var order = Enumerable.Range(0, n).ToArray();
        var centreX = envelopes.Select(e => (e.MinX + e.MaxX) / 2).ToArray();
        var centreY = envelopes.Select(e => (e.MinY + e.MaxY) / 2).ToArray();
        Array.Sort(order, (a, b) => centreX[a] != centreX[b] ? centreX[a].CompareTo(centreX[b]) : a.CompareTo(b));
        var leaves = (n + NodeCapacity - 1) / NodeCapacity;
        var sliceCount = Math.Max(1, (int)Math.Ceiling(Math.Sqrt(leaves)));
        var sliceSize = sliceCount * NodeCapacity;
        for (var start = 0; start < n; start += sliceSize)
        {
            Array.Sort(order, start, Math.Min(sliceSize, n - start),
                Comparer<int>.Create((a, b) => centreY[a] != centreY[b] ? centreY[a].CompareTo(centreY[b]) : a.CompareTo(b)));
        }

        return order;
    }
}
