using ParkGis.Tests.Fixtures;

namespace ParkGis.PostGis.Tests;

/// <summary>Z and M never reach the database (issue 15): a PolygonZ/PolygonZM layer is imported in 2D, not refused with a "retry later" error.</summary>
public sealed class ZImportTests
{
    [PgFact]
    public void A_polygonz_shapefile_with_measures_is_imported_as_2d_geometries()
    {
        using var db = new TestDatabase();
        var data = Path.Combine(Path.GetTempPath(), "parkgis-z-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        new RawShapefile { ShapeType = RawShapefile.PolygonZ }
            .Add(RawShapefile.PolygonContent(RawShapefile.PolygonZ, [RawShapefile.Square(395_000, 4_386_000)], [1010, 1011, 1012, 1013, 1010], [1, 2, 3, 4, 1]), "P1", "甲")
            .Write(data);

        var (exit, _, stderr) = Cli.Run("import", data, "--to", "pg:" + db.Name.ConnectionString, "--schema", db.Schema);

        Assert.True(exit == 1, stderr); // imported, with the z_m_dropped data issue
        Assert.Contains("z_m_dropped", stderr, StringComparison.Ordinal);
        Assert.Equal((short)2, db.Scalar($"SELECT ST_NDims(geom) FROM \"{db.Schema}\".parks"));
        Assert.Equal(10_000.0, (double)db.Scalar($"SELECT ST_Area(geom) FROM \"{db.Schema}\".parks")!, 6);
    }
}
