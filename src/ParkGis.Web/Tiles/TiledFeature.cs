using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using ParkGis.Core.Analysis;

namespace ParkGis.Web.Tiles;

/// <summary>
/// One published feature ready to tile: its geometry in world units of the highest zoom (y down) as flat arrays for
/// clipping — valid (proven by <see cref="SimplePolygonValidity"/> or NTS IsValidOp): a polygon that is not is repaired
/// with <see cref="GeometryFixer"/> first —, its MVT id and its
/// attribute tags.
/// </summary>
internal sealed class TiledFeature
{
    private TiledFeature(int layerIndex, int index, int[] tags, int attributeBytes, TileShape? shape, bool repaired, int droppedParts)
    {
        LayerIndex = layerIndex;
        Index = index;
        Tags = tags;
        AttributeBytes = attributeBytes;
        Shape = shape;
        Repaired = repaired;
        DroppedParts = droppedParts;
    }

    /// <summary>Position of the layer in the tile set.</summary>
    public int LayerIndex { get; }

    /// <summary>Position of the feature in its layer (and in its GeoJSON file).</summary>
    public int Index { get; }

    /// <summary>The MVT feature id: the position in the layer, from 1.</summary>
    public ulong Id => (ulong)Index + 1;

    /// <summary>Key and value indexes into the layer's tables, in pairs.</summary>
    public int[] Tags { get; }

    /// <summary>Bytes its attributes take in a tile at most: the tags and each value message (keys are per tile and small).</summary>
    public int AttributeBytes { get; }

    /// <summary>The valid geometry in world units of the highest zoom, or null when nothing is left to tile.</summary>
    public TileShape? Shape { get; }

    /// <summary>True when the published geometry was invalid and was repaired for the tiles.</summary>
    public bool Repaired { get; }

    /// <summary>Parts of a geometry collection left out because the feature was tiled as its highest dimension.</summary>
    public int DroppedParts { get; }

    /// <summary>Prepares a lon/lat geometry.</summary>
    public static TiledFeature From(Geometry lonLat, int layerIndex, int index, int[] tags, int attributeBytes, int maxZoom)
    {
        var (kept, dropped) = HighestDimension(lonLat);
        var repaired = false;
        if (kept is IPolygonal && !SimplePolygonValidity.IsProvenValid(kept) && !kept.IsValid)
        {
            kept = GeometryFixer.Fix(kept);
            repaired = true;
        }

        if (kept.IsEmpty)
        {
            return new TiledFeature(layerIndex, index, tags, attributeBytes, null, repaired, dropped);
        }

        return new TiledFeature(layerIndex, index, tags, attributeBytes, ShapeOf(kept, WebMercator.WorldUnits(maxZoom)), repaired, dropped);
    }

    private static (Geometry Kept, int Dropped) HighestDimension(Geometry geometry)
    {
        if (geometry is not GeometryCollection collection || geometry is IPolygonal or ILineal or IPuntal)
        {
            return (geometry, 0);
        }

        var parts = Enumerable.Range(0, collection.NumGeometries).Select(collection.GetGeometryN).Where(g => !g.IsEmpty).ToList();
        if (parts.Count == 0)
        {
            return (geometry, 0);
        }

        var dimension = parts.Max(p => (int)p.Dimension);
        var kept = parts.Where(p => (int)p.Dimension == dimension).ToList();
        var factory = geometry.Factory;
        Geometry result = dimension switch
        {
            2 => factory.CreateMultiPolygon([.. kept.SelectMany(Polygons)]),
            1 => factory.CreateMultiLineString([.. kept.SelectMany(Lines)]),
            _ => factory.CreateMultiPoint([.. kept.SelectMany(Points)]),
        };
        return (result, parts.Count - kept.Count);
    }

    private static IEnumerable<Polygon> Polygons(Geometry g) => Enumerable.Range(0, g.NumGeometries).Select(g.GetGeometryN).OfType<Polygon>();

    private static IEnumerable<LineString> Lines(Geometry g) => Enumerable.Range(0, g.NumGeometries).Select(g.GetGeometryN).OfType<LineString>();

    private static IEnumerable<Point> Points(Geometry g) => Enumerable.Range(0, g.NumGeometries).Select(g.GetGeometryN).OfType<Point>();

    private static TileShape ShapeOf(Geometry geometry, double world)
    {
        switch (geometry)
        {
            case IPolygonal:
                var polygons = new List<double[][]>(geometry.NumGeometries);
                foreach (var polygon in Polygons(geometry).Where(p => !p.IsEmpty))
                {
                    var rings = new double[1 + polygon.NumInteriorRings][];
                    rings[0] = Flat(polygon.ExteriorRing.CoordinateSequence, world, open: true);
                    for (var h = 0; h < polygon.NumInteriorRings; h++)
                    {
                        rings[h + 1] = Flat(polygon.GetInteriorRingN(h).CoordinateSequence, world, open: true);
                    }

                    polygons.Add(rings);
                }

                return TileShape.OfPolygons(polygons);
            case ILineal:
                return TileShape.OfPaths(Lines(geometry).Where(l => !l.IsEmpty).Select(l => Flat(l.CoordinateSequence, world, open: false)).ToList());
            default:
                return TileShape.OfPoints(Points(geometry).Where(p => !p.IsEmpty).SelectMany(p => new[] { WebMercator.X(p.X, world), WebMercator.Y(p.Y, world) }).ToArray());
        }
    }

    /// <summary>Lon/lat coordinates as world units, flat.</summary>
    private static double[] Flat(CoordinateSequence sequence, double world, bool open)
    {
        var count = open && sequence.Count > 1 ? sequence.Count - 1 : sequence.Count;
        var xy = new double[2 * count];
        for (var i = 0; i < count; i++)
        {
            xy[2 * i] = WebMercator.X(sequence.GetX(i), world);
            xy[(2 * i) + 1] = WebMercator.Y(sequence.GetY(i), world);
        }

        return xy;
    }
}
