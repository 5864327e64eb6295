using System.IO.Compression;
using System.Net;
using Microsoft.Data.Sqlite;
using ParkGis.Serve;
using ParkGis.Web.Tiles;

namespace ParkGis.Cli.Tests.Serve;

/// <summary>XYZ tiles from the served archive: the stored bytes, sent as the archive says they are compressed.</summary>
public sealed class ServeTileTests(ServedSample served) : IClassFixture<ServedSample>
{
    [Fact]
    public async Task Every_z8_to_z11_tile_is_the_bytes_the_pmtiles_archive_holds_sent_with_content_encoding_gzip()
    {
        using var archive = PmTilesReader.Open(Path.Combine(served.Folder, "tiles.pmtiles"));
        Assert.Equal(PmTilesHeader.Gzip, archive.Header.TileCompression);
        var compared = 0;
        foreach (var (z, x, y) in TilesOver(served.Content.Tiles!.Bounds, 8, 11))
        {
            var stored = archive.ReadTile(z, x, y);
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/tiles/{z}/{x}/{y}.pbf");
            request.Headers.AcceptEncoding.ParseAdd("gzip");
            using var response = await served.Http.SendAsync(request);
            if (stored is null)
            {
                Assert.True(response.StatusCode == HttpStatusCode.NoContent, $"{z}/{x}/{y}: {response.StatusCode} for a tile the archive does not hold");
                continue;
            }

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{z}/{x}/{y}: {response.StatusCode}");
            Assert.Equal("application/vnd.mapbox-vector-tile", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
            Assert.Equal(stored, await response.Content.ReadAsByteArrayAsync());
            compared++;
        }

        Assert.True(compared > 20, $"only {compared} tiles compared");
    }

    [Fact]
    public async Task A_client_that_does_not_accept_gzip_gets_the_tile_unpacked()
    {
        using var archive = PmTilesReader.Open(Path.Combine(served.Folder, "tiles.pmtiles"));
        var (z, x, y) = TilesOver(served.Content.Tiles!.Bounds, 10, 10).First(t => archive.ReadTile(t.Z, t.X, t.Y) is not null);
        using var response = await served.Http.GetAsync($"/tiles/{z}/{x}/{y}.mvt");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Equal(Gunzip(archive.ReadTile(z, x, y)!), await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/tiles/8/256/0.pbf", "x beyond the grid")]
    [InlineData("/tiles/8/0/256.pbf", "y beyond the grid")]
    [InlineData("/tiles/-1/0/0.pbf", "a negative zoom")]
    [InlineData("/tiles/99/0/0.pbf", "zoom 99")]
    [InlineData("/tiles/8/1/1.png", "another extension")]
    [InlineData("/tiles/8/1/x.pbf", "a y that is not a number")]
    public async Task A_tile_address_outside_the_grid_is_404(string path, string reason)
    {
        using var response = await served.Http.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{reason}: {response.StatusCode}");
    }

    [Fact]
    public async Task The_archive_file_is_served_by_byte_ranges_as_the_pmtiles_library_reads_it_beside_a_page()
    {
        var file = await System.IO.File.ReadAllBytesAsync(Path.Combine(served.Folder, "tiles.pmtiles"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/files/tiles.pmtiles");
        request.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(100, 16_483);
        using var response = await served.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal(file.AsSpan(100, 16_384).ToArray(), await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(file.Length, response.Content.Headers.ContentRange?.Length);
    }

    [Fact]
    public async Task Tilejson_names_the_tile_url_zoom_range_and_every_layer_of_the_archive()
    {
        using var tileJson = System.Text.Json.JsonDocument.Parse(await served.Http.GetStringAsync("/tiles.json"));
        var root = tileJson.RootElement;
        Assert.Equal(served.Server.Address + "tiles/{z}/{x}/{y}.pbf", root.GetProperty("tiles")[0].GetString());
        Assert.Equal(8, root.GetProperty("minzoom").GetInt32());
        Assert.Equal(16, root.GetProperty("maxzoom").GetInt32());
        var layers = root.GetProperty("vector_layers").EnumerateArray().Select(l => l.GetProperty("id").GetString()).ToHashSet();
        Assert.Contains("parks", layers);
        Assert.Contains("conflicts", layers);
        Assert.Contains("permanent_farmland", layers);
    }

    [Fact]
    public async Task A_folder_with_only_tiles_mbtiles_serves_its_rows_with_the_y_axis_flipped_to_xyz()
    {
        var folder = Directory.CreateDirectory(RepositoryPaths.NewTempFolder()).FullName;
        File.Copy(Path.Combine(served.Folder, "tiles.mbtiles"), Path.Combine(folder, "tiles.mbtiles"));
        File.Copy(Path.Combine(served.Folder, "parks.geojson"), Path.Combine(folder, "parks.geojson"));
        using var content = ServedContent.Load(ServedFolder.Open(folder));
        Assert.Equal("tiles.mbtiles", content.Tiles!.FileName);
        await using var server = await ParkGisServer.StartAsync(content, IPAddress.Loopback, 0);
        using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = server.Address };
        var rows = new List<(int Z, int X, int Row, byte[] Data)>();
        using (var sqlite = new SqliteConnection($"Data Source={Path.Combine(folder, "tiles.mbtiles")};Mode=ReadOnly;Pooling=False"))
        {
            sqlite.Open();
            using var command = sqlite.CreateCommand();
            command.CommandText = "SELECT zoom_level, tile_column, tile_row, tile_data FROM tiles WHERE zoom_level <= 10 ORDER BY zoom_level, tile_column, tile_row";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                rows.Add((reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), (byte[])reader[3]));
            }
        }

        Assert.True(rows.Count > 10, $"{rows.Count} rows");
        foreach (var (z, x, row, data) in rows)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/tiles/{z}/{x}/{(1 << z) - 1 - row}.pbf");
            request.Headers.AcceptEncoding.ParseAdd("gzip");
            using var response = await http.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{z}/{x}/row {row}: {response.StatusCode}");
            Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
            Assert.Equal(data, await response.Content.ReadAsByteArrayAsync());
        }

        await server.StopAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(["parks.geojson", "tiles.mbtiles"], Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    internal static IEnumerable<(int Z, int X, int Y)> TilesOver(double[] bounds, int minZoom, int maxZoom)
    {
        for (var z = minZoom; z <= maxZoom; z++)
        {
            var (x0, y0) = Tile(bounds[0], bounds[3], z);
            var (x1, y1) = Tile(bounds[2], bounds[1], z);
            for (var x = x0; x <= x1; x++)
            {
                for (var y = y0; y <= y1; y++)
                {
                    yield return (z, x, y);
                }
            }
        }
    }

    private static (int X, int Y) Tile(double lon, double lat, int z)
    {
        var n = 1 << z;
        var x = (int)Math.Floor((lon + 180) / 360 * n);
        var rad = lat * Math.PI / 180;
        var y = (int)Math.Floor((1 - Math.Log(Math.Tan(rad) + 1 / Math.Cos(rad)) / Math.PI) / 2 * n);
        return (Math.Clamp(x, 0, n - 1), Math.Clamp(y, 0, n - 1));
    }

    private static byte[] Gunzip(byte[] bytes)
    {
        using var input = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
