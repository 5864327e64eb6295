namespace ParkGis.Web.Tiles;

/// <summary>The MVT geometry type of a tiled feature (the values are the MVT <c>GeomType</c> numbers).</summary>
internal enum TileGeometryKind
{
    /// <summary>Points and multipoints.</summary>
    Point = 1,

    /// <summary>Lines and multilines.</summary>
    Line = 2,

    /// <summary>Polygons and multipolygons.</summary>
    Polygon = 3,
}
