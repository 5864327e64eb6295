using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using ParkGis.Core.Crs;

namespace ParkGis.Core.Tests.Crs;

/// <summary>
/// Reference values come from PROJ 9 (cs2cs, EPSG axis order lat lon / north east), e.g.
/// <c>echo "39.61 109.78" | cs2cs -f %.6f EPSG:4490 EPSG:4525</c> → <c>4386938.213184 37395227.733540</c>;
/// each constant names the command it came from.
/// </summary>
public sealed class CrsTransformTests
{
    private const double Millimetre = 0.001;

    // echo "39.61 109.78" | cs2cs -f %.6f EPSG:4490 EPSG:4525
    private const double ReferenceLongitude = 109.78;
    private const double ReferenceLatitude = 39.61;
    private const double ReferenceNorthing = 4386938.213184;
    private const double ReferenceEastingZone37 = 37395227.733540;

    // echo "39.61 109.78" | cs2cs -f %.6f EPSG:4490 EPSG:4546
    private const double ReferenceEastingCm111 = 395227.733540;

    [Fact]
    public void Cgcs2000_reference_point_projects_to_zone_37_with_prefix()
    {
        Coordinate projected = Transform(4490, 4525).Apply(new Coordinate(ReferenceLongitude, ReferenceLatitude));

        AssertNear(ReferenceEastingZone37, projected.X, Millimetre, "easting (EPSG Y)");
        AssertNear(ReferenceNorthing, projected.Y, Millimetre, "northing (EPSG X)");
        AssertNear(37395227.734, projected.X, Millimetre, "domain.md easting");
        AssertNear(4386938.213, projected.Y, Millimetre, "domain.md northing");
    }

    [Fact]
    public void Cgcs2000_reference_point_projects_to_cm_111_without_prefix()
    {
        Coordinate projected = Transform(4490, 4546).Apply(new Coordinate(ReferenceLongitude, ReferenceLatitude));

        AssertNear(ReferenceEastingCm111, projected.X, Millimetre, "easting");
        AssertNear(ReferenceNorthing, projected.Y, Millimetre, "northing");
    }

    [Fact]
    public void Reference_point_round_trips_through_zone_37_to_a_billionth_of_a_degree()
    {
        Coordinate projected = Transform(4490, 4525).Apply(new Coordinate(ReferenceLongitude, ReferenceLatitude));
        Coordinate back = Transform(4525, 4490).Apply(projected);

        AssertNear(ReferenceLongitude, back.X, 1e-9, "longitude");
        AssertNear(ReferenceLatitude, back.Y, 1e-9, "latitude");
    }

    [Fact]
    public void Projected_reference_point_unprojects_to_its_longitude_and_latitude()
    {
        Coordinate geographic = Transform(4525, 4490).Apply(new Coordinate(ReferenceEastingZone37, ReferenceNorthing));

        // 1e-8° is about 1 mm; the reference easting/northing are rounded to 1 µm.
        AssertNear(ReferenceLongitude, geographic.X, 1e-8, "longitude");
        AssertNear(ReferenceLatitude, geographic.Y, 1e-8, "latitude");
    }

    [Theory]
    // echo "38.3 107.9" | cs2cs -f %.6f EPSG:4490 EPSG:4496  → 4244778.964130 18753698.342009
    [InlineData(4496, 18753698.342009)]
    // echo "38.3 107.9" | cs2cs -f %.6f EPSG:4490 EPSG:4507  → 4244778.964130 753698.342009
    [InlineData(4507, 753698.342009)]
    public void Six_degree_zone_18_matches_proj_2_9_degrees_from_its_central_meridian(int epsg, double easting)
    {
        Coordinate projected = Transform(4490, epsg).Apply(new Coordinate(107.9, 38.3));

        AssertNear(easting, projected.X, Millimetre, "easting");
        AssertNear(4244778.964130, projected.Y, Millimetre, "northing");
    }

    [Fact]
    public void Ordos_point_west_of_109_5_projects_to_cm_108()
    {
        // echo "39.8 108.4" | cs2cs -f %.6f EPSG:4490 EPSG:4545 → 4407399.032659 534257.038141
        Coordinate projected = Transform(4490, 4545).Apply(new Coordinate(108.4, 39.8));

        AssertNear(534257.038141, projected.X, Millimetre, "easting");
        AssertNear(4407399.032659, projected.Y, Millimetre, "northing");
    }

    [Fact]
    public void Southern_point_projects_to_zone_38_with_prefix()
    {
        // echo "22.5 113.9" | cs2cs -f %.6f EPSG:4490 EPSG:4526 → 2489170.747353 38489710.371316
        Coordinate projected = Transform(4490, 4526).Apply(new Coordinate(113.9, 22.5));

        AssertNear(38489710.371316, projected.X, Millimetre, "easting");
        AssertNear(2489170.747353, projected.Y, Millimetre, "northing");
    }

    [Fact]
    public void Zone_37_reprojects_to_zone_36_via_geographic()
    {
        // echo "4386938.213184 395227.733540" | cs2cs -f %.10f EPSG:4546 EPSG:4545 → 4387741.1650991058 652866.9216455172
        Coordinate projected = Transform(4546, 4545).Apply(new Coordinate(ReferenceEastingCm111, ReferenceNorthing));

        AssertNear(652866.9216455172, projected.X, Millimetre, "easting");
        AssertNear(4387741.1650991058, projected.Y, Millimetre, "northing");
    }

    [Fact]
    public void Translation_between_zone_37_with_and_without_prefix_is_exact()
    {
        CrsTransform transform = Transform(4525, 4546);
        var prefixed = new Coordinate(ReferenceEastingZone37, ReferenceNorthing);

        Coordinate unprefixed = transform.Apply(prefixed);
        Coordinate back = Transform(4546, 4525).Apply(unprefixed);

        Assert.Equal(ReferenceEastingZone37 - 37_000_000.0, unprefixed.X);
        Assert.Equal(ReferenceNorthing, unprefixed.Y);
        Assert.Equal(prefixed, back);
    }

    [Fact]
    public void Translation_applies_to_every_vertex_of_a_geometry()
    {
        Geometry line = Read("LINESTRING (37395000.25 4386900.5, 37395100.75 4387000.125)", 4525);

        Geometry moved = Transform(4525, 4546).Apply(line);

        Assert.Equal(Read("LINESTRING (395000.25 4386900.5, 395100.75 4387000.125)", 4546), moved);
        Assert.Equal(4546, moved.SRID);
    }

    [Theory]
    [InlineData(4490, 4490)]
    [InlineData(4490, 4326)]
    [InlineData(4326, 4490)]
    [InlineData(4545, 4545)]
    [InlineData(4534, 4502)]
    public void Same_or_equivalent_crs_is_the_identity(int source, int target)
    {
        CrsTransform transform = Transform(source, target);
        var coordinate = new Coordinate(109.78123456789, 39.61987654321);

        Assert.True(transform.IsIdentity, transform.ToString());
        Assert.Equal(coordinate, transform.Apply(coordinate));
    }

    [Fact]
    public void Wgs84_projects_like_cgcs2000()
    {
        Coordinate fromWgs84 = Transform(4326, 4525).Apply(new Coordinate(ReferenceLongitude, ReferenceLatitude));
        Coordinate fromCgcs2000 = Transform(4490, 4525).Apply(new Coordinate(ReferenceLongitude, ReferenceLatitude));

        Assert.Equal(fromCgcs2000, fromWgs84);
    }

    [Fact]
    public void Polygon_with_a_hole_transforms_and_keeps_its_hole()
    {
        const string Square =
            "POLYGON ((37395000 4386900, 37395100 4386900, 37395100 4387000, 37395000 4387000, 37395000 4386900), "
            + "(37395020 4386920, 37395020 4386980, 37395080 4386980, 37395080 4386920, 37395020 4386920))";
        Geometry polygon = Read(Square, 4525);
        Geometry original = polygon.Copy();

        Geometry geographic = Transform(4525, 4490).Apply(polygon);
        Geometry back = Transform(4490, 4525).Apply(geographic);

        Polygon geographicPolygon = Assert.IsType<Polygon>(geographic);
        Assert.Equal(1, geographicPolygon.NumInteriorRings);
        Assert.Equal(4490, geographic.SRID);
        Assert.Equal(4490, geographicPolygon.ExteriorRing.SRID);
        Assert.Equal(4490, geographicPolygon.GetInteriorRingN(0).SRID);
        Assert.True(geographic.IsValid, "the transformed polygon is valid");
        Assert.InRange(geographic.EnvelopeInternal.MinX, 109.77, 109.79);
        Assert.InRange(geographic.EnvelopeInternal.MinY, 39.60, 39.62);
        AssertNear(100 * 100 - (60 * 60), back.Area, 1e-3, "area after the round trip in m²");
        Assert.True(original.EqualsExact(polygon), "the input polygon is unchanged");
        Assert.Equal(4525, polygon.SRID);
    }

    [Fact]
    public void Multi_geometries_and_collections_keep_their_type_and_parts()
    {
        Geometry collection = Read(
            "GEOMETRYCOLLECTION (POINT (109.78 39.61), MULTIPOLYGON (((109 39, 109.01 39, 109.01 39.01, 109 39)), "
            + "((110 39, 110.01 39, 110.01 39.01, 110 39))), LINESTRING EMPTY)",
            4490);

        Geometry projected = Transform(4490, 4525).Apply(collection);

        GeometryCollection result = Assert.IsType<GeometryCollection>(projected);
        Assert.Equal(3, result.NumGeometries);
        Point point = Assert.IsType<Point>(result.GetGeometryN(0));
        Assert.Equal(2, Assert.IsType<MultiPolygon>(result.GetGeometryN(1)).NumGeometries);
        Assert.True(result.GetGeometryN(2).IsEmpty, "the empty line stays empty");
        AssertNear(ReferenceEastingZone37, point.X, Millimetre, "point easting");
        Assert.All(Enumerable.Range(0, result.NumGeometries), i => Assert.Equal(4525, result.GetGeometryN(i).SRID));
    }

    [Fact]
    public void Empty_geometry_stays_empty_with_the_target_srid()
    {
        Geometry empty = Transform(4490, 4545).Apply(Read("POLYGON EMPTY", 4490));

        Assert.True(empty.IsEmpty, "empty");
        Assert.Equal(4545, empty.SRID);
    }

    [Fact]
    public void Z_values_are_kept()
    {
        var coordinate = new CoordinateZ(ReferenceLongitude, ReferenceLatitude, 1234.5);

        Coordinate projected = Transform(4490, 4525).Apply(coordinate);

        Assert.IsType<CoordinateZ>(projected);
        Assert.Equal(1234.5, projected.Z);
        Assert.Equal(ReferenceLongitude, coordinate.X);
    }

    [Fact]
    public void Bulk_geometry_transform_matches_single_coordinate_transform()
    {
        CrsTransform transform = Transform(4546, 4524);
        Coordinate[] coordinates = Grid(10_000, 395_000, 4_386_000);
        LineString line = new GeometryFactory(new PrecisionModel(), 4546).CreateLineString(coordinates);

        var projected = (LineString)transform.Apply(line);

        for (int i = 0; i < coordinates.Length; i++)
        {
            Assert.Equal(transform.Apply(coordinates[i]), projected.GetCoordinateN(i));
        }
    }

    [Fact]
    public void Concurrent_apply_calls_give_the_same_results_as_sequential_ones()
    {
        CrsTransform transform = Transform(4525, 4545);
        Coordinate[] coordinates = Grid(20_000, 37_395_000, 4_386_000);
        Coordinate[] sequential = [.. coordinates.Select(transform.Apply)];
        var parallel = new Coordinate[coordinates.Length];

        Parallel.For(0, coordinates.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => parallel[i] = transform.Apply(coordinates[i]));

        Assert.Equal(sequential, parallel);
    }

    [Fact]
    public void Definition_not_from_the_registry_is_rejected()
    {
        var forged = new CrsDefinition(4545, "CGCS2000 / 3-degree Gauss-Kruger CM 108E", false, 3, 36, 109, false);

        Assert.Throws<ArgumentException>(() => CrsTransform.Create(forged, CrsRegistry.FromEpsg(4490)!));
    }

    private static CrsTransform Transform(int source, int target) =>
        CrsTransform.Create(CrsRegistry.FromEpsg(source)!, CrsRegistry.FromEpsg(target)!);

    private static Geometry Read(string wkt, int srid)
    {
        Geometry geometry = new WKTReader(new NetTopologySuite.NtsGeometryServices(new PrecisionModel(), srid)).Read(wkt);
        return geometry;
    }

    private static Coordinate[] Grid(int count, double west, double south) =>
        [.. Enumerable.Range(0, count).Select(i => new Coordinate(west + (i % 100 * 10.5), south + (i / 100 * 10.25)))];

    private static void AssertNear(double expected, double actual, double tolerance, string what) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"{what}: expected {expected:R}, got {actual:R} (difference {actual - expected:R}, tolerance {tolerance:R})");
}
