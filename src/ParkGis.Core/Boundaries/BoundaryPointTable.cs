using System.Globalization;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;
using ParkGis.Core.Analysis;
using ParkGis.Core.Crs;

namespace ParkGis.Core.Boundaries;

/// <summary>
/// A park's boundary-point table (界址点坐标表) as the land ministry's forms expect it: per block, the outer ring
/// clockwise then the holes counter-clockwise, each starting at its north-westernmost point, numbered J1, J2, …
/// across the whole park, X = northing and Y = easting with the 2-digit zone prefix, coordinates rounded to the
/// millimetre, 边长 between consecutive points and the planar area of the rounded polygon.
/// </summary>
/// <param name="Crs">The zone-prefixed Gauss-Krüger CRS of the coordinates.</param>
/// <param name="Blocks">The blocks in the park geometry's order.</param>
public sealed record BoundaryPointTable(CrsDefinition Crs, IReadOnlyList<BoundaryBlock> Blocks)
{
    /// <summary>Total area in m² (planar, in <see cref="Crs"/>).</summary>
    public double AreaM2 => Blocks.Sum(b => b.AreaM2);

    /// <summary>Number of rows, closing rows included.</summary>
    public int RowCount => Blocks.Sum(b => b.Rings.Sum(r => r.Points.Count));

    /// <summary>
    /// The zone a table for a park stored in <paramref name="layerCrs"/> is written in: the park's analysis CRS
    /// (<see cref="AnalysisCrs.For"/>: a Gauss-Krüger layer keeps its zone, a lon/lat park goes to the 3° zone of its
    /// centroid), with the zone prefix the ministry format expects.
    /// </summary>
    public static CrsDefinition ZoneFor(CrsDefinition layerCrs, Geometry park)
    {
        ArgumentNullException.ThrowIfNull(layerCrs);
        var zone = AnalysisCrs.For(layerCrs, park);
        return CrsRegistry.All.First(d => !d.IsGeographic && d.HasZonePrefix && d.ZoneWidthDegrees == zone.ZoneWidthDegrees && d.Zone == zone.Zone);
    }

    /// <summary>Builds the table for a polygonal geometry stored in <paramref name="sourceCrs"/>.</summary>
    /// <exception cref="ArgumentException">The geometry is empty or not a (Multi)Polygon.</exception>
    public static BoundaryPointTable For(Geometry geometry, CrsDefinition sourceCrs)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(sourceCrs);
        if (geometry.IsEmpty || geometry is not (Polygon or MultiPolygon))
        {
            throw new ArgumentException($"A boundary-point table needs a polygon, not {(geometry.IsEmpty ? "an empty geometry" : "a " + geometry.GeometryType)}.", nameof(geometry));
        }

        var target = ZoneFor(sourceCrs, geometry);
        var projected = CrsTransform.Create(sourceCrs, target).Apply(geometry);
        var blocks = new List<BoundaryBlock>();
        var pointNumber = 0;
        for (var i = 0; i < projected.NumGeometries; i++)
        {
            var polygon = (Polygon)projected.GetGeometryN(i);
            if (polygon.IsEmpty)
            {
                continue;
            }

            var rings = new List<BoundaryRing>();
            var outer = Ordered(polygon.ExteriorRing.Coordinates, clockwise: true);
            rings.Add(Ring(1, outer, ref pointNumber));
            var areaM2 = Math.Abs(Area.OfRingSigned(outer));
            for (var h = 0; h < polygon.NumInteriorRings; h++)
            {
                var hole = Ordered(polygon.GetInteriorRingN(h).Coordinates, clockwise: false);
                rings.Add(Ring(h + 2, hole, ref pointNumber));
                areaM2 -= Math.Abs(Area.OfRingSigned(hole));
            }

            blocks.Add(new BoundaryBlock(blocks.Count + 1, rings, areaM2));
        }

        return new BoundaryPointTable(target, blocks);
    }

    /// <summary>The ring's distinct points rounded to the millimetre, in the wanted direction, from the north-westernmost, closed.</summary>
    private static Coordinate[] Ordered(Coordinate[] ring, bool clockwise)
    {
        var points = ring.Take(ring.Length - 1).Select(c => new Coordinate(Math.Round(c.X, 3), Math.Round(c.Y, 3))).ToList();
        var closed = points.Append(points[0]).ToArray();
        if (Orientation.IsCCW(closed) == clockwise)
        {
            points.Reverse();
        }

        var start = 0;
        for (var k = 1; k < points.Count; k++)
        {
            var nw = points[k].Y - points[k].X;
            var best = points[start].Y - points[start].X;
            if (nw > best || (nw == best && points[k].Y > points[start].Y))
            {
                start = k;
            }
        }

        var result = new Coordinate[points.Count + 1];
        for (var k = 0; k < points.Count; k++)
        {
            result[k] = points[(start + k) % points.Count];
        }

        result[^1] = result[0];
        return result;
    }

    private static BoundaryRing Ring(int ringNumber, Coordinate[] closed, ref int pointNumber)
    {
        var rows = new List<BoundaryPoint>(closed.Length);
        var first = pointNumber + 1;
        for (var k = 0; k < closed.Length; k++)
        {
            var last = k == closed.Length - 1;
            var number = last ? first : ++pointNumber;
            double? edge = last ? null : Math.Round(closed[k].Distance(closed[k + 1]), 3);
            rows.Add(new BoundaryPoint("J" + number.ToString(CultureInfo.InvariantCulture), closed[k].Y, closed[k].X, edge));
        }

        return new BoundaryRing(ringNumber, rows);
    }
}
