using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Operation.OverlayNG;
using NetTopologySuite.Operation.Valid;
using ParkGis.Core.Analysis;

namespace ParkGis.Core.Publishing;

/// <summary>
/// The one rule for a geometry about to be written (成果几何输出规则), whatever the format (GeoJSON, the report's map,
/// the tiles' input layers, shapefile, GeoPackage, FileGDB), CRS, precision or simplification: coordinates are put on
/// the writer's precision grid, and every polygon that comes out is valid by OGC rules. Rounding alone is kept when
/// it leaves the polygon valid (the usual case, proven quickly); otherwise the polygon — repaired first if it was
/// not valid to begin with — is snap-rounded onto the grid with OverlayNG, which always gives a valid result. A part
/// that collapses below the grid (a 0.01 m² sliver at 1 cm) is dropped and counted. Lines and points are rounded;
/// a line that collapses to a point is dropped and counted. No I/O: writers call <see cref="Apply"/> per feature and
/// report the <see cref="OutputGeometryTally"/>.
/// </summary>
public sealed class OutputGeometryPolicy
{
    /// <summary>Creates the policy for a writer whose coordinates are on <paramref name="precision"/>'s grid.</summary>
    public OutputGeometryPolicy(PrecisionModel precision)
    {
        ArgumentNullException.ThrowIfNull(precision);
        if (precision.IsFloating)
        {
            throw new ArgumentException("The output precision must be a fixed grid.", nameof(precision));
        }

        Precision = precision;
    }

    /// <summary>The grid coordinates are written on.</summary>
    public PrecisionModel Precision { get; }

    /// <summary>The policy of a writer that writes <paramref name="decimals"/> decimals (GeoJSON: 7 in degrees ≈ 1 cm).</summary>
    public static OutputGeometryPolicy ForDecimals(int decimals)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimals, 15);
        return new OutputGeometryPolicy(new PrecisionModel(Math.Pow(10, decimals)));
    }

    /// <summary>
    /// <paramref name="geometry"/> on the grid: valid when polygonal, possibly empty (everything collapsed), with what
    /// was dropped and the area before and after.
    /// </summary>
    public OutputGeometry Apply(Geometry geometry)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        if (geometry.IsEmpty)
        {
            return new OutputGeometry(geometry, 0, 0, 0, Repaired: false);
        }

        if (geometry is IPolygonal)
        {
            return Polygonal(geometry);
        }

        if (geometry is GeometryCollection { } collection and not IPuntal and not ILineal)
        {
            return Mixed(collection);
        }

        var rounded = Round(geometry);
        var dropped = 0;
        if (geometry is ILineal)
        {
            var kept = new List<LineString>();
            for (var i = 0; i < rounded.NumGeometries; i++)
            {
                var line = (LineString)rounded.GetGeometryN(i);
                if (DistinctPoints(line.CoordinateSequence) >= 2)
                {
                    kept.Add(line);
                }
            }

            dropped = rounded.NumGeometries - kept.Count;
            if (dropped > 0)
            {
                rounded = geometry is LineString && kept.Count == 1 ? kept[0] : geometry.Factory.CreateMultiLineString([.. kept]);
            }
        }

        return new OutputGeometry(rounded, dropped, 0, 0, Repaired: false);
    }

    private OutputGeometry Polygonal(Geometry geometry)
    {
        var areaBefore = geometry.Area;
        var rounded = Round(geometry);
        if (SimplePolygonValidity.IsProvenValid(rounded) || new IsValidOp(rounded).IsValid)
        {
            return new OutputGeometry(rounded, 0, areaBefore, rounded.Area, Repaired: false);
        }

        var repaired = !new IsValidOp(geometry).IsValid;
        var source = repaired ? Polygons(GeometryFixer.Fix(geometry)) : geometry;
        var snapped = Polygons(PrecisionReducer.ReducePrecision(source, Precision));
        if (!new IsValidOp(snapped).IsValid)
        {
            // Snap-rounding gives valid output by construction; a result that is not is a defect, never written.
            var error = new IsValidOp(snapped).ValidationError;
            throw new InvalidOperationException($"Snap-rounding gave an invalid polygon ({error}).");
        }

        var dropped = Math.Max(0, NonEmptyParts(source) - NonEmptyParts(snapped));
        return new OutputGeometry(snapped, dropped, areaBefore, snapped.Area, repaired);
    }

    private OutputGeometry Mixed(GeometryCollection collection)
    {
        var parts = new List<Geometry>();
        int dropped = 0;
        double before = 0, after = 0;
        var repaired = false;
        for (var i = 0; i < collection.NumGeometries; i++)
        {
            var part = Apply(collection.GetGeometryN(i));
            dropped += part.PartsDropped + (part.Geometry.IsEmpty && !collection.GetGeometryN(i).IsEmpty ? 1 : 0);
            before += part.AreaBefore;
            after += part.AreaAfter;
            repaired |= part.Repaired;
            if (!part.Geometry.IsEmpty)
            {
                parts.Add(part.Geometry);
            }
        }

        return new OutputGeometry(collection.Factory.CreateGeometryCollection([.. parts]), dropped, before, after, repaired);
    }

    /// <summary>The polygonal part of an overlay or repair result (which may hold collapsed lines or points).</summary>
    private static Geometry Polygons(Geometry geometry)
    {
        if (geometry is IPolygonal)
        {
            return geometry;
        }

        var polygons = new List<Polygon>();
        for (var i = 0; i < geometry.NumGeometries; i++)
        {
            switch (geometry.GetGeometryN(i))
            {
                case Polygon polygon when !polygon.IsEmpty:
                    polygons.Add(polygon);
                    break;
                case MultiPolygon multi:
                    for (var k = 0; k < multi.NumGeometries; k++)
                    {
                        polygons.Add((Polygon)multi.GetGeometryN(k));
                    }

                    break;
            }
        }

        return polygons.Count == 1 ? polygons[0] : geometry.Factory.CreateMultiPolygon([.. polygons]);
    }

    private static int NonEmptyParts(Geometry geometry)
    {
        var count = 0;
        for (var i = 0; i < geometry.NumGeometries; i++)
        {
            count += geometry.GetGeometryN(i).IsEmpty ? 0 : 1;
        }

        return count;
    }

    private Geometry Round(Geometry geometry)
    {
        var copy = geometry.Copy();
        copy.Apply(new RoundingFilter(Precision));
        return copy;
    }

    private static int DistinctPoints(CoordinateSequence sequence)
    {
        var distinct = sequence.Count > 0 ? 1 : 0;
        for (var i = 1; i < sequence.Count && distinct < 2; i++)
        {
            if (sequence.GetX(i) != sequence.GetX(0) || sequence.GetY(i) != sequence.GetY(0))
            {
                distinct++;
            }
        }

        return distinct;
    }

    private sealed class RoundingFilter(PrecisionModel precision) : IEntireCoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq)
        {
            for (var i = 0; i < seq.Count; i++)
            {
                seq.SetX(i, precision.MakePrecise(seq.GetX(i)));
                seq.SetY(i, precision.MakePrecise(seq.GetY(i)));
            }
        }
    }
}
