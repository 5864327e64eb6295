using ParkGis.Core.Conflicts;
using ParkGis.IO.Datasets;
using ParkGis.IO.Tests.Properties;

namespace ParkGis.PostGis.Tests;

public sealed class EngineAgreementTests
{
    private const double Relative = 1e-6;

    [PgFact]
    public void Both_engines_agree_on_the_sample()
    {
        using var db = new TestDatabase();
        PgDatasetImporter.Import(DatasetReader.Read(Paths.Sample), db.Name, overwrite: false);
        AssertAgree(db);
    }

    [PgFact(BenchData = Paths.BenchS100)]
    public void Both_engines_agree_on_the_S100_benchmark_data()
    {
        using var db = new TestDatabase();
        PgDatasetImporter.Import(DatasetReader.Read(Paths.BenchS100), db.Name, overwrite: false);
        AssertAgree(db);
    }

    [PgFact]
    public void Both_engines_agree_on_lon_lat_data_across_the_zone_line()
    {
        // Parks, red line, farmland and overlapping parcels on both sides of 109.5°E and across it (zones 36 and 37).
        for (var seed = 1; seed <= 8; seed++)
        {
            using var db = new TestDatabase();
            PgDatasetImporter.Import(ZoneLineDatasets.Generate(seed), db.Name, overwrite: false);
            AssertAgree(db);
        }
    }

    [PgFact]
    public void A_lon_lat_park_outside_the_zones_of_China_is_unusable_input_in_both_engines()
    {
        using var db = new TestDatabase();
        var data = ZoneLineDatasets.Generate(3);
        var parks = data.Find(Core.Data.LayerRole.Parks)!;
        var moved = parks.Features.Select((f, i) => i == 0 ? f with { Geometry = Shifted(f.Geometry, 72.2 - 109.5) } : f).ToList();
        data = data with { Layers = new Dictionary<Core.Data.LayerRole, Core.Data.Layer>(data.Layers) { [Core.Data.LayerRole.Parks] = parks with { Features = moved } } };
        PgDatasetImporter.Import(data, db.Name, overwrite: false);

        var local = Assert.Throws<Core.Errors.UnusableInputException>(() => new ConflictCheck(ConflictCheckOptions.Default).Check(PgDatasetReader.Read(db.Name)));
        var sql = Assert.Throws<Core.Errors.UnusableInputException>(() => new PostGisConflictCheck(ConflictCheckOptions.Default).Check(db.Name));
        Assert.Equal("PG0203", local.Code);
        Assert.Equal("PG0203", sql.Code);
        Assert.Equal(parks.Features[0].Id, local.Feature);
        Assert.Equal(parks.Features[0].Id, sql.Feature);
    }

    [PgFact]
    public void PostGIS_validity_reasons_read_as_the_local_engines_words_for_a_bow_tie_and_a_degenerate_parcel()
    {
        // ST_IsValidDetail's English GEOS reasons (Self-intersection, Too few points in geometry component) used to be
        // quoted in the data issues of --engine postgis; they now read as the local engine's words, in Chinese too.
        var folder = Path.Combine(Path.GetTempPath(), "parkgis-pg-reasons-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            const string Crs = "\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::4545\"}}";
            File.WriteAllText(Path.Combine(folder, "parks.geojson"), "{\"type\":\"FeatureCollection\"," + Crs + ",\"features\":[{\"type\":\"Feature\",\"properties\":{\"park_id\":\"P1\"},"
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[500000,4400000],[501000,4400000],[501000,4401000],[500000,4401000],[500000,4400000]]]}}]}");
            File.WriteAllText(Path.Combine(folder, "parcels.geojson"), "{\"type\":\"FeatureCollection\"," + Crs + ",\"features\":["
                + "{\"type\":\"Feature\",\"properties\":{\"parcel_id\":\"BOW\",\"park_id\":\"P1\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[500100,4400100],[500300,4400300],[500300,4400100],[500100,4400300],[500100,4400100]]]}},"
                + "{\"type\":\"Feature\",\"properties\":{\"parcel_id\":\"LINE\",\"park_id\":\"P1\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[500500,4400500],[500600,4400500],[500500,4400500]]]}},"
                + "{\"type\":\"Feature\",\"properties\":{\"parcel_id\":\"OK\",\"park_id\":\"P1\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[500700,4400700],[500800,4400700],[500800,4400800],[500700,4400800],[500700,4400700]]]}}]}");
            using var db = new TestDatabase();
            PgDatasetImporter.Import(DatasetReader.Read(folder), db.Name, overwrite: false);
            foreach (var language in new[] { "en", "zh-Hans" })
            {
                var previous = System.Globalization.CultureInfo.CurrentUICulture;
                System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo(language);
                try
                {
                    var local = new ConflictCheck(ConflictCheckOptions.Default).Check(PgDatasetReader.Read(db.Name));
                    var sql = new PostGisConflictCheck(ConflictCheckOptions.Default).Check(db.Name);
                    foreach (var id in new[] { "BOW", "LINE" })
                    {
                        var a = Assert.Single(local.Issues, i => i.Feature == id && i.Code == Core.Data.DataIssueCodes.InvalidGeometry).Message;
                        var b = Assert.Single(sql.Issues, i => i.Feature == id && i.Code == Core.Data.DataIssueCodes.InvalidGeometry).Message;
                        Assert.Equal(Reason(a), Reason(b));
                        Assert.DoesNotContain("Too few points in geometry component", b, StringComparison.Ordinal);
                        if (language != "en")
                        {
                            Assert.DoesNotMatch("[A-Za-z]{2,}-[A-Za-z]{2,}", b);
                            Assert.StartsWith(id == "BOW" ? "几何无效：自相交，位置" : "几何无效：点数过少（退化的环", b, StringComparison.Ordinal);
                        }
                    }
                }
                finally
                {
                    System.Globalization.CultureInfo.CurrentUICulture = previous;
                }
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        static string Reason(string message) => message.Split([" at (", "，位置"], StringSplitOptions.None)[0];
    }

    private static NetTopologySuite.Geometries.Geometry Shifted(NetTopologySuite.Geometries.Geometry geometry, double dx)
    {
        var copy = geometry.Copy();
        copy.Apply(new NetTopologySuite.Geometries.Utilities.AffineTransformation().Translate(dx, 0));
        copy.GeometryChanged();
        return copy;
    }

    private static void AssertAgree(TestDatabase db)
    {
        var local = new ConflictCheck(ConflictCheckOptions.Default).Check(PgDatasetReader.Read(db.Name));
        var sql = new PostGisConflictCheck(ConflictCheckOptions.Default).Check(db.Name);
        AssertAgree(local, sql);
    }

    /// <summary>The local result and an in-database one agree: every total to 1e-6 relative, every count and issue exactly.</summary>
    internal static void AssertAgree(ConflictCheckResult local, ConflictCheckResult sql)
    {
        Assert.Equal(local.Parks.Select(p => p.ParkId), sql.Parks.Select(p => p.ParkId));
        Assert.Equal(local.HasConflicts, sql.HasConflicts);
        for (var i = 0; i < local.Parks.Count; i++)
        {
            var (a, b) = (local.Parks[i], sql.Parks[i]);
            Assert.Equal(a.Name, b.Name);
            Assert.Equal(a.Crs.Epsg, b.Crs.Epsg);
            Close(a.AreaM2, b.AreaM2, a.AreaM2, $"{a.ParkId} area");
            foreach (var kind in ConflictKinds.All)
            {
                var (x, y) = (a.Conflicts[kind], b.Conflicts[kind]);
                var what = $"{a.ParkId} {ConflictKinds.Name(kind)}";
                Assert.True(x.Checked == y.Checked, what);
                Close(x.AreaM2, y.AreaM2, a.AreaM2, what);
                Assert.True(x.Patches == y.Patches, $"{what}: {x.Patches} patches locally, {y.Patches} in PostGIS");
                var localPatches = a.Patches.Where(p => p.Kind == kind).ToList();
                var sqlPatches = b.Patches.Where(p => p.Kind == kind).ToList();
                for (var k = 0; k < localPatches.Count; k++)
                {
                    Close(localPatches[k].AreaM2, sqlPatches[k].AreaM2, a.AreaM2, $"{what} patch {k + 1}");
                    Assert.Equal(localPatches[k].SourceIds, sqlPatches[k].SourceIds);
                }
            }
        }

        Assert.Equal(local.Parcels is null, sql.Parcels is null);
        if (local.Parcels is { } p && sql.Parcels is { } q)
        {
            Assert.Equal(p.Count, q.Count);
            var scale = Math.Max(1, local.Parks.Sum(x => x.AreaM2));
            foreach (var (x, y, what) in new[] { (p.EcologicalRedline, q.EcologicalRedline, "red line"), (p.PermanentFarmland, q.PermanentFarmland, "farmland"), (p.OutsidePark, q.OutsidePark, "outside park") })
            {
                Close(x.AreaM2, y.AreaM2, Math.Max(x.AreaM2, scale * 1e-3), "parcels " + what);
                Assert.True(x.Parcels == y.Parcels, $"parcels {what}: {x.Parcels} locally, {y.Parcels} in PostGIS");
            }

            Close(p.ParcelOverlap.AreaM2, q.ParcelOverlap.AreaM2, Math.Max(p.ParcelOverlap.AreaM2, scale * 1e-3), "parcel overlap");
            Assert.Equal(p.ParcelOverlap.Pairs, q.ParcelOverlap.Pairs);
        }

        Assert.Equal(local.Issues.Select(i => (i.Layer, i.Feature, i.Code)), sql.Issues.Select(i => (i.Layer, i.Feature, i.Code)));
    }

    /// <summary>Agreement to 1e-6 relative to the quantity's scale (the park's area for park conflicts).</summary>
    private static void Close(double expected, double actual, double scale, string what) =>
        Assert.True(Math.Abs(expected - actual) <= Relative * Math.Max(Math.Abs(scale), 1), $"{what}: local {expected:R}, PostGIS {actual:R}");
}
