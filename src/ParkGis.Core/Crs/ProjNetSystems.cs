using System.Collections.Concurrent;
using System.Globalization;
using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace ParkGis.Core.Crs;

/// <summary>
/// Builds ProjNET coordinate systems and transforms for the embedded definitions. Every Gauss-Krüger zone is built
/// once per central meridian with false easting 500 000; the zone prefix is a translation applied by
/// <see cref="CrsTransform"/>. WGS 84 is built as CGCS2000 (see <see cref="CrsTransform"/>).
/// </summary>
/// <remarks>
/// ProjNET 2.0 transforms are read-only once built (<c>MapProjection</c> and <c>ConcatenatedTransform</c> only read
/// their fields while transforming; the only lazy state is the cached inverse, which the factory creates while
/// building). Building happens under a lock, so a cached <see cref="MathTransform"/> can be shared by threads.
/// </remarks>
internal static class ProjNetSystems
{
    private static readonly Lock Gate = new();
    private static readonly ConcurrentDictionary<(double Source, double Target), MathTransform> Transforms = new();
    private static GeographicCoordinateSystem? _geographic;

    /// <summary>
    /// The transform between two CGCS2000 systems identified by central meridian (degrees east), NaN meaning
    /// geographic lon/lat in degrees; projected coordinates use false easting 500 000 m.
    /// </summary>
    public static MathTransform Between(double sourceCentralMeridian, double targetCentralMeridian) =>
        Transforms.GetOrAdd((sourceCentralMeridian, targetCentralMeridian), static key => Build(key.Source, key.Target));

    private static MathTransform Build(double sourceCentralMeridian, double targetCentralMeridian)
    {
        lock (Gate)
        {
            var factory = new CoordinateSystemFactory();
            CoordinateSystem source = System(factory, sourceCentralMeridian);
            CoordinateSystem target = System(factory, targetCentralMeridian);
            return new CoordinateTransformationFactory().CreateFromCoordinateSystems(source, target).MathTransform;
        }
    }

    private static CoordinateSystem System(CoordinateSystemFactory factory, double centralMeridian) =>
        double.IsNaN(centralMeridian) ? Geographic(factory) : GaussKruger(factory, centralMeridian);

    private static GeographicCoordinateSystem Geographic(CoordinateSystemFactory factory)
    {
        if (_geographic is null)
        {
            Ellipsoid ellipsoid = factory.CreateFlattenedSphere(
                "CGCS2000", CrsRegistry.Cgcs2000SemiMajorM, CrsRegistry.Cgcs2000InverseFlattening, LinearUnit.Metre);
            HorizontalDatum datum = factory.CreateHorizontalDatum("China_2000", DatumType.HD_Geocentric, ellipsoid, null);
            _geographic = factory.CreateGeographicCoordinateSystem(
                "China Geodetic Coordinate System 2000",
                AngularUnit.Degrees,
                datum,
                PrimeMeridian.Greenwich,
                new AxisInfo("Lon", AxisOrientationEnum.East),
                new AxisInfo("Lat", AxisOrientationEnum.North));
        }

        return _geographic;
    }

    private static ProjectedCoordinateSystem GaussKruger(CoordinateSystemFactory factory, double centralMeridian)
    {
        var parameters = new List<ProjectionParameter>
        {
            new("latitude_of_origin", 0.0),
            new("central_meridian", centralMeridian),
            new("scale_factor", 1.0),
            new("false_easting", CrsRegistry.UnprefixedFalseEastingM),
            new("false_northing", 0.0),
        };
        string name = string.Create(CultureInfo.InvariantCulture, $"CGCS2000 / Gauss-Kruger CM {centralMeridian}E");
        IProjection projection = factory.CreateProjection(name, "Transverse_Mercator", parameters);
        return factory.CreateProjectedCoordinateSystem(
            name,
            Geographic(factory),
            projection,
            LinearUnit.Metre,
            new AxisInfo("East", AxisOrientationEnum.East),
            new AxisInfo("North", AxisOrientationEnum.North));
    }
}
