using System.Runtime.ExceptionServices;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;
using NetTopologySuite.Operation.Valid;
using NetTopologySuite.Precision;

namespace ParkGis.Web.Tiles;

/// <summary>
/// Turns a feature's part inside one buffered tile into MVT commands: coordinates rounded to the tile's integer grid,
/// repeated vertices dropped, rings and paths simplified (Douglas–Peucker, <see cref="TileGrid"/>'s tolerance),
/// rings oriented as MVT 2.1 asks (exterior rings clockwise on screen, holes anticlockwise). A polygon piece that is
/// not valid on the grid — clipping joins the parts of a ring that leaves and re-enters a tile along the tile edge, and
/// rounding can make edges touch or cross — is rebuilt from the piece by an exact overlay with the
/// tile square on the grid (OverlayNG with snap-rounding), which gives valid polygons by construction. Validity is
/// proven by <see cref="TilePolygonValidity"/> and, where that cannot decide, by NTS IsValidOp. Pieces that
/// collapse to nothing are left out and counted. One builder per worker thread.
/// </summary>
internal sealed class TileFragmentBuilder
{
    private static readonly GeometryFactory TileFactory = new(new PrecisionModel(PrecisionModels.Floating));

    private readonly MvtGeometryEncoder _encoder = new();

    /// <summary>What this builder did.</summary>
    public TileFragmentCounts Counts { get; } = new();

    /// <summary>The fragment of <paramref name="feature"/> in tile (<paramref name="x"/>, <paramref name="y"/>), or null when nothing of it is left.</summary>
    public TileFragment? Build(TiledFeature feature, TileShape piece, TileGrid grid, int x, int y, double tolerance)
    {
        var tileId = new TileAddress(grid.Zoom, x, y).Id;
        _encoder.Reset();
        var written = piece.Kind switch
        {
            TileGeometryKind.Polygon => Polygons(piece, grid, x, y, tolerance),
            TileGeometryKind.Line => Paths(piece, grid, x, y, tolerance),
            _ => Points(piece, grid, x, y),
        };
        if (!written)
        {
            return null;
        }

        Counts.Fragments++;
        return new TileFragment(tileId, feature, piece.Kind, _encoder.ToArray());
    }

    private bool Points(TileShape piece, TileGrid grid, int x, int y)
    {
        var points = TileVertices.Quantize(piece.Points, grid, x, y, ring: false);
        if (points.Length == 0)
        {
            return false;
        }

        _encoder.AddPoints(points);
        return true;
    }

    private bool Paths(TileShape piece, TileGrid grid, int x, int y, double tolerance)
    {
        var any = false;
        foreach (var path in piece.Paths)
        {
            var xy = TileVertices.Simplify(TileVertices.Quantize(path, grid, x, y, ring: false), tolerance, ring: false);
            if (xy.Length < 4)
            {
                Counts.CollapsedParts++;
                continue;
            }

            _encoder.AddPath(xy);
            any = true;
        }

        return any;
    }

    private bool Polygons(TileShape piece, TileGrid grid, int x, int y, double tolerance)
    {
        var polygons = new List<List<int[]>>(piece.Polygons.Count);
        foreach (var polygon in piece.Polygons)
        {
            var shell = Ring(polygon[0], grid, x, y, tolerance, exterior: true);
            if (shell is null)
            {
                Counts.CollapsedParts++;
                continue;
            }

            var rings = new List<int[]>(polygon.Length) { shell };
            for (var h = 1; h < polygon.Length; h++)
            {
                if (Ring(polygon[h], grid, x, y, tolerance, exterior: false) is { } hole)
                {
                    rings.Add(hole);
                }
                else
                {
                    Counts.CollapsedParts++;
                }
            }

            polygons.Add(rings);
        }

        if (polygons.Count == 0)
        {
            return false;
        }

        if (!IsValid(polygons))
        {
            Counts.Repaired++;
            polygons = Rebuild(piece, grid, x, y);
            if (polygons.Count == 0)
            {
                Counts.CollapsedParts++;
                return false;
            }
        }

        foreach (var rings in polygons)
        {
            foreach (var ring in rings)
            {
                _encoder.AddRing(ring);
            }
        }

        return true;
    }

    /// <summary>A ring on the grid, oriented for MVT, or null when it collapses (fewer than three vertices, no area).</summary>
    private static int[]? Ring(double[] ring, TileGrid grid, int x, int y, double tolerance, bool exterior)
    {
        var xy = TileVertices.Simplify(TileVertices.Quantize(ring, grid, x, y, ring: true), tolerance, ring: true);
        return Oriented(xy, exterior);
    }

    private static int[]? Oriented(int[] xy, bool exterior)
    {
        if (xy.Length < 6)
        {
            return null;
        }

        var area = TileVertices.TwiceArea(xy);
        if (area == 0)
        {
            return null;
        }

        if (area > 0 != exterior)
        {
            TileVertices.Reverse(xy);
        }

        return xy;
    }

    private static bool IsValid(List<List<int[]>> polygons)
    {
        if (TilePolygonValidity.IsProvenValid(polygons))
        {
            return true;
        }

        var parts = polygons.Select(rings => TileFactory.CreatePolygon(LinearRing(rings[0]), [.. rings.Skip(1).Select(LinearRing)])).ToArray();
        Geometry geometry = parts.Length == 1 ? parts[0] : TileFactory.CreateMultiPolygon(parts);
        return new IsValidOp(geometry).IsValid;
    }

    private static LinearRing LinearRing(int[] xy)
    {
        var n = xy.Length / 2;
        var coordinates = new Coordinate[n + 1];
        for (var i = 0; i < n; i++)
        {
            coordinates[i] = new Coordinate(xy[2 * i], xy[(2 * i) + 1]);
        }

        coordinates[n] = coordinates[0].Copy();
        return TileFactory.CreateLinearRing(coordinates);
    }

    /// <summary>
    /// The piece ∩ the buffered tile square, snap-rounded to the tile grid, as oriented integer rings. The piece is the
    /// feature's valid geometry clipped to the square ring by ring, whose defects are rings joined by segments running
    /// both ways along the square's edges: <see cref="GeometryFixer"/> separates them (in full precision), then OverlayNG
    /// with the tile grid as precision model cuts the square out of the valid result.
    /// </summary>
    private static List<List<int[]>> Rebuild(TileShape piece, TileGrid grid, int x, int y)
    {
        var parts = piece.Polygons.Select(rings => TileFactory.CreatePolygon(StoredRing(rings[0]), [.. rings.Skip(1).Select(StoredRing)])).ToArray();
        var valid = GeometryFixer.Fix(TileFactory.CreateMultiPolygon(parts));
        var square = TileFactory.ToGeometry(new Envelope(grid.NearEdge(x), grid.FarEdge(x), grid.NearEdge(y), grid.FarEdge(y)));
        var unit = grid.UnitSize;
        var clipped = CutOnGrid(valid, square, new PrecisionModel(1 / unit));
        var polygons = new List<List<int[]>>();
        for (var p = 0; p < clipped.NumGeometries; p++)
        {
            if (clipped.GetGeometryN(p) is not Polygon { IsEmpty: false } polygon)
            {
                continue;
            }

            var shell = Oriented(Grid(polygon.ExteriorRing, unit, x, y), exterior: true);
            if (shell is null)
            {
                continue;
            }

            var rings = new List<int[]> { shell };
            foreach (var hole in polygon.InteriorRings)
            {
                if (Oriented(Grid(hole, unit, x, y), exterior: false) is { } ring)
                {
                    rings.Add(ring);
                }
            }

            polygons.Add(rings);
        }

        return polygons;
    }

    /// <summary>
    /// <paramref name="valid"/> ∩ <paramref name="square"/> snap-rounded to <paramref name="grid"/>. OverlayNG's
    /// snap-rounding fails on some inputs (TopologyException "Ring edge missing": a farmland piece at z10 of the S=1000
    /// bench report); then the exact intersection is snap-rounded alone, and failing that the piece is snap-rounded
    /// before the cut. Each way gives valid polygons with every vertex on the grid; the first failure is rethrown only
    /// when all three fail.
    /// </summary>
    private static Geometry CutOnGrid(Geometry valid, Geometry square, PrecisionModel grid)
    {
        Func<Geometry>[] ways =
        [
            () => NetTopologySuite.Operation.OverlayNG.OverlayNG.Overlay(valid, square, SpatialFunction.Intersection, grid),
            () => GeometryPrecisionReducer.Reduce(OverlayNGRobust.Overlay(valid, square, SpatialFunction.Intersection), grid),
            () => NetTopologySuite.Operation.OverlayNG.OverlayNG.Overlay(GeometryPrecisionReducer.Reduce(valid, grid), square, SpatialFunction.Intersection, grid),
        ];
        TopologyException? first = null;
        foreach (var way in ways)
        {
            try
            {
                return way();
            }
            catch (TopologyException failure)
            {
                first ??= failure;
            }
        }

        ExceptionDispatchInfo.Throw(first!);
        return null!;
    }

    private static LinearRing StoredRing(double[] xy)
    {
        var n = xy.Length / 2;
        var coordinates = new Coordinate[n + 1];
        for (var i = 0; i < n; i++)
        {
            coordinates[i] = new Coordinate(xy[2 * i], xy[(2 * i) + 1]);
        }

        coordinates[n] = coordinates[0].Copy();
        return TileFactory.CreateLinearRing(coordinates);
    }

    /// <summary>A ring of snap-rounded stored coordinates in tile units (exact: the coordinates are on the grid).</summary>
    private static int[] Grid(LineString ring, double unit, int x, int y)
    {
        var sequence = ring.CoordinateSequence;
        var n = sequence.Count - 1;
        var xy = new int[2 * n];
        for (var i = 0; i < n; i++)
        {
            xy[2 * i] = (int)((long)Math.Round(sequence.GetX(i) / unit) - ((long)x * WebMercator.TileExtent));
            xy[(2 * i) + 1] = (int)((long)Math.Round(sequence.GetY(i) / unit) - ((long)y * WebMercator.TileExtent));
        }

        return xy;
    }
}
