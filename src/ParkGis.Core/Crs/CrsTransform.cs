using System.Buffers;
using NetTopologySuite.Geometries;
using ProjNet.CoordinateSystems.Transformations;

namespace ParkGis.Core.Crs;

/// <summary>
/// Transforms coordinates (坐标转换) between two supported CRSs (ProjNET), in lon/lat and easting/northing order.
/// </summary>
/// <remarks>
/// <para>
/// Coordinates are always x = easting or longitude, y = northing or latitude, whatever axis order EPSG gives the
/// CRS (EPSG puts latitude and the northing first for 4490 and the Gauss-Krüger zones).
/// </para>
/// <para>
/// CGCS2000 (EPSG:4490) and WGS 84 (EPSG:4326) are treated as the same frame: 4490 ↔ 4326 is the identity, and
/// WGS 84 coordinates project with the CGCS2000 ellipsoid. The frames differ by centimetres, below what park
/// boundaries and web maps resolve.
/// </para>
/// <para>
/// The same zone with and without the zone prefix (or a 3° and a 6° zone on the same central meridian) differ
/// only by their false easting: that transform is an exact translation without ProjNET. Between zones with
/// different central meridians the transform goes through CGCS2000 geographic.
/// </para>
/// <para>
/// Instances are immutable and thread-safe: <see cref="Apply(Geometry)"/> and <see cref="Apply(Coordinate)"/>
/// may be called concurrently. The ProjNET transforms behind them only read their state while transforming.
/// </para>
/// </remarks>
public sealed class CrsTransform
{
    /// <summary>The ProjNET transform between the systems with false easting 500 000, or null for none.</summary>
    private readonly MathTransform? _core;

    /// <summary>Subtracted from x before <see cref="_core"/>: the source's false easting beyond 500 000.</summary>
    private readonly double _sourceEastingOffsetM;

    /// <summary>Added to x after <see cref="_core"/>: the target's false easting beyond 500 000.</summary>
    private readonly double _targetEastingOffsetM;

    private CrsTransform(CrsDefinition source, CrsDefinition target)
    {
        Source = source;
        Target = target;

        if (source.IsGeographic && target.IsGeographic)
        {
            IsIdentity = true;
            return;
        }

        _sourceEastingOffsetM = source.IsGeographic ? 0 : source.FalseEasting - CrsRegistry.UnprefixedFalseEastingM;
        _targetEastingOffsetM = target.IsGeographic ? 0 : target.FalseEasting - CrsRegistry.UnprefixedFalseEastingM;

        bool sameProjection = !source.IsGeographic && !target.IsGeographic
            && source.CentralMeridian.Equals(target.CentralMeridian);
        if (sameProjection)
        {
            IsIdentity = _sourceEastingOffsetM.Equals(_targetEastingOffsetM);
            return;
        }

        _core = ProjNetSystems.Between(
            source.IsGeographic ? double.NaN : source.CentralMeridian,
            target.IsGeographic ? double.NaN : target.CentralMeridian);
    }

    /// <summary>The CRS coordinates come from.</summary>
    public CrsDefinition Source { get; }

    /// <summary>The CRS coordinates go to.</summary>
    public CrsDefinition Target { get; }

    /// <summary>True when coordinates come out unchanged (same CRS, or CGCS2000 and WGS 84 geographic).</summary>
    public bool IsIdentity { get; }

    /// <summary>Creates a transform; identical or equivalent CRSs give an identity transform.</summary>
    /// <exception cref="ArgumentNullException">A definition is null.</exception>
    /// <exception cref="ArgumentException">A definition is not one of <see cref="CrsRegistry.All"/>.</exception>
    public static CrsTransform Create(CrsDefinition source, CrsDefinition target)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        RequireSupported(source, nameof(source));
        RequireSupported(target, nameof(target));
        return new CrsTransform(source, target);
    }

    /// <summary>A transformed copy of a geometry (x = easting or longitude, y = northing or latitude).</summary>
    /// <remarks>
    /// The input is not changed. The copy (<see cref="Geometry.Copy"/>) has the same type, parts (empty ones
    /// included), holes, Z and M values, and <see cref="Geometry.SRID"/> = the target EPSG code on every component;
    /// it keeps the input factory's precision model and coordinate sequence type.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="geometry"/> is null.</exception>
    public Geometry Apply(Geometry geometry)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        Geometry copy = geometry.Copy();
        copy.Apply(new SridFilter(Target.Epsg));
        if (!IsIdentity && !copy.IsEmpty)
        {
            copy.Apply(new SequenceFilter(this));
        }

        return copy;
    }

    /// <summary>A transformed coordinate.</summary>
    /// <remarks>The input is not changed; the result is a copy of the same type with Z and M kept.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="coordinate"/> is null.</exception>
    public Coordinate Apply(Coordinate coordinate)
    {
        ArgumentNullException.ThrowIfNull(coordinate);
        Coordinate result = coordinate.Copy();
        if (IsIdentity)
        {
            return result;
        }

        double x = coordinate.X - _sourceEastingOffsetM;
        double y = coordinate.Y;
        _core?.Transform(ref x, ref y);
        result.X = x + _targetEastingOffsetM;
        result.Y = y;
        return result;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Source.Code} → {Target.Code}";

    private static void RequireSupported(CrsDefinition definition, string parameterName)
    {
        if (CrsRegistry.FromEpsg(definition.Epsg) != definition)
        {
            throw new ArgumentException(
                $"{definition} is not a CRS definition from {nameof(CrsRegistry)}.", parameterName);
        }
    }

    private void Transform(Span<double> xs, Span<double> ys)
    {
        if (_core is null)
        {
            double shift = _targetEastingOffsetM - _sourceEastingOffsetM;
            for (int i = 0; i < xs.Length; i++)
            {
                xs[i] += shift;
            }

            return;
        }

        if (_sourceEastingOffsetM != 0)
        {
            for (int i = 0; i < xs.Length; i++)
            {
                xs[i] -= _sourceEastingOffsetM;
            }
        }

        _core.Transform(xs, ys);

        if (_targetEastingOffsetM != 0)
        {
            for (int i = 0; i < xs.Length; i++)
            {
                xs[i] += _targetEastingOffsetM;
            }
        }
    }

    /// <summary>Sets the SRID of every component, polygon rings included (the SRID setter skips rings).</summary>
    private sealed class SridFilter(int srid) : IGeometryComponentFilter
    {
        public void Filter(Geometry geom) => geom.SRID = srid;
    }

    /// <summary>Transforms each coordinate sequence of a geometry in place, in bulk.</summary>
    private sealed class SequenceFilter(CrsTransform transform) : IEntireCoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq)
        {
            int count = seq.Count;
            if (count == 0)
            {
                return;
            }

            double[] buffer = ArrayPool<double>.Shared.Rent(2 * count);
            try
            {
                Span<double> xs = buffer.AsSpan(0, count);
                Span<double> ys = buffer.AsSpan(count, count);
                for (int i = 0; i < count; i++)
                {
                    xs[i] = seq.GetX(i);
                    ys[i] = seq.GetY(i);
                }

                transform.Transform(xs, ys);

                for (int i = 0; i < count; i++)
                {
                    seq.SetX(i, xs[i]);
                    seq.SetY(i, ys[i]);
                }
            }
            finally
            {
                ArrayPool<double>.Shared.Return(buffer);
            }
        }
    }
}
