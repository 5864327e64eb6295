using ParkGis.Web.Tiles;

namespace ParkGis.Web.Tests.Tiles;

public sealed class PmTilesTests
{
    [Fact]
    public void A_header_reads_back_as_written()
    {
        var header = new PmTilesHeader
        {
            RootOffset = 127, RootLength = 91, MetadataOffset = 218, MetadataLength = 701, LeafDirectoriesOffset = 919, LeafDirectoriesLength = 5,
            TileDataOffset = 924, TileDataLength = 1 << 20, AddressedTiles = 47967, TileEntries = 43656, TileContents = 33830, Clustered = true,
            InternalCompression = 2, TileCompression = 2, TileType = 1, MinZoom = 8, MaxZoom = 16, MinLonE7 = 1_056_562_624, MinLatE7 = 374_658_355,
            MaxLonE7 = 1_103_691_291, MaxLatE7 = 410_804_319, CenterZoom = 8, CenterLonE7 = -1, CenterLatE7 = -900_000_000,
        };

        var bytes = header.ToBytes();

        Assert.Equal(127, bytes.Length);
        Assert.Equal("PMTiles"u8.ToArray(), bytes[..7]);
        Assert.Equal(3, bytes[7]);
        Assert.Equal(header, PmTilesHeader.Read(bytes));
    }

    [Fact]
    public void A_directory_reads_back_as_written_with_offsets_that_follow_on_stored_as_zero()
    {
        PmTilesEntry[] entries = [new(0, 0, 10, 1), new(1, 10, 20, 3), new(7, 0, 10, 1), new(8, 30, 5, 0)];

        var bytes = PmTilesDirectory.Serialize(entries);

        // count 4 | id deltas 0 1 6 1 | runs 1 3 1 0 | lengths 10 20 10 5 | offsets 1 (0+1), 0 (follows), 1 (0+1), 31 (30+1)
        Assert.Equal([4, 0, 1, 6, 1, 1, 3, 1, 0, 10, 20, 10, 5, 1, 0, 1, 31], bytes.Select(b => (int)b));
        Assert.Equal(entries, PmTilesDirectory.Deserialize(bytes));
    }

    [Fact]
    public void Tiles_written_come_back_by_z_x_y_deduplicated_and_run_length_encoded()
    {
        var folder = Directory.CreateTempSubdirectory("parkgis-pmtiles-").FullName;
        var path = Path.Combine(folder, "t.pmtiles");
        byte[] same = TileCompression.Gzip([1, 2, 3]);
        var tiles = new List<TileAddress>();
        for (var x = 0; x < 4; x++)
        {
            for (var y = 0; y < 4; y++)
            {
                tiles.Add(new TileAddress(2, x, y));
            }
        }

        using (var writer = new PmTilesWriter(path))
        {
            foreach (var tile in tiles.OrderBy(t => t.Id))
            {
                var content = tile.X == 3 && tile.Y == 3 ? TileCompression.Gzip([9]) : same;
                writer.Add(tile, tile.Id, [], content, (UInt128)content.Length);
            }

            writer.Complete(Description(2, 2));
        }

        using var reader = PmTilesReader.Open(path);

        Assert.Equal((16ul, 2ul), (reader.Header.AddressedTiles, reader.Header.TileContents));
        Assert.True(reader.Header.TileEntries < 16, $"{reader.Header.TileEntries} entries: runs of equal tiles share one");
        Assert.Equal([1, 2, 3], TileCompression.Gunzip(reader.ReadTile(2, 0, 0)!));
        Assert.Equal([9], TileCompression.Gunzip(reader.ReadTile(2, 3, 3)!));
        Assert.Null(reader.ReadTile(1, 0, 0));
        Assert.Null(reader.ReadTile(2, 4, 0));
        Assert.Contains("\"vector_layers\"", reader.ReadMetadata(), StringComparison.Ordinal);
        Assert.Equal(["t.pmtiles"], Directory.GetFiles(folder).Select(Path.GetFileName));
    }

    [Fact]
    public void An_archive_too_big_for_a_16_KB_root_gets_leaf_directories_and_every_tile_is_still_found()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("parkgis-pmtiles-").FullName, "t.pmtiles");
        var tiles = new List<TileAddress>();
        for (var x = 0; x < 128; x++)
        {
            for (var y = 0; y < 128; y++)
            {
                tiles.Add(new TileAddress(7, x, y));
            }
        }

        var random = new Random(19);
        using (var writer = new PmTilesWriter(path))
        {
            foreach (var tile in tiles.OrderBy(t => t.Id))
            {
                // Contents of random length, so that the directory does not compress into the root (the writer stores
                // the bytes it is given; they need not be gzip for this test).
                byte[] content = [.. BitConverter.GetBytes(tile.Id), .. new byte[random.Next(4000)]];
                writer.Add(tile, tile.Id, [], content, tile.Id);
            }

            writer.Complete(Description(7, 7));
        }

        using var reader = PmTilesReader.Open(path);

        Assert.True(reader.Header.LeafDirectoriesLength > 0, "16 384 distinct tiles need leaf directories");
        Assert.True(reader.Header.RootOffset + reader.Header.RootLength <= PmTilesHeader.RootLimit);
        Assert.All(tiles, t => Assert.Equal(t.Id, BitConverter.ToUInt64(reader.ReadTile(7, t.X, t.Y).AsSpan(0, 8))));
    }

    [Fact]
    public void A_file_that_is_not_PMTiles_is_refused()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("parkgis-pmtiles-").FullName, "t.pmtiles");
        File.WriteAllText(path, "SQLite format 3");

        Assert.Throws<InvalidDataException>(() => PmTilesReader.Open(path).Dispose());
    }

    private static TileSetDescription Description(int minZoom, int maxZoom) =>
        new(minZoom, maxZoom, 107, 38, 111, 41, Core.WebFrames.WebMapFrame.Wgs84, []);
}
