namespace ParkGis.Web.Tiles;

/// <summary>What cutting the features into tiles had to do, counted per feature and tile (added across workers).</summary>
internal sealed class TileFragmentCounts
{
    /// <summary>Feature-in-tile pieces written.</summary>
    public long Fragments { get; set; }

    /// <summary>Polygon pieces that were invalid after rounding to the tile grid and were rebuilt by an exact overlay.</summary>
    public long Repaired { get; set; }

    /// <summary>Pieces (rings, paths, polygons) that collapsed to nothing on the tile grid and were left out.</summary>
    public long CollapsedParts { get; set; }

    /// <summary>Adds <paramref name="other"/> to this.</summary>
    public void Add(TileFragmentCounts other)
    {
        Fragments += other.Fragments;
        Repaired += other.Repaired;
        CollapsedParts += other.CollapsedParts;
    }
}
