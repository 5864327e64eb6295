using System.IO.Compression;

namespace ParkGis.Web.Tiles;

/// <summary>gzip as the archives use it (System.IO.Compression; the same bytes give the same output).</summary>
internal static class TileCompression
{
    /// <summary>The gzip-compressed bytes.</summary>
    public static byte[] Gzip(ReadOnlySpan<byte> bytes)
    {
        using var output = new MemoryStream(bytes.Length / 2 + 64);
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }

    /// <summary>The bytes a gzip stream holds.</summary>
    public static byte[] Gunzip(ReadOnlySpan<byte> bytes)
    {
        using var input = new MemoryStream(bytes.ToArray());
        using var gzip = new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        gzip.CopyTo(output);
        return output.ToArray();
    }
}
