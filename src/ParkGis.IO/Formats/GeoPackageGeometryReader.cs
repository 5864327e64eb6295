using NetTopologySuite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace ParkGis.IO.Formats;

/// <summary>
/// Reads GeoPackage geometry blobs with the result of <see cref="GeoPackageGeoReader"/> (<c>HandleSRID</c> on), at
/// less cost per blob: the header is read here and the WKB after it goes to one <see cref="WKBReader"/> per
/// <c>srs_id</c>, where <see cref="GeoPackageGeoReader"/> builds new geometry services (and so new factories) for
/// every blob. A blob with an unusual header, or one that <see cref="WKBReader"/> rejects, is read again by
/// <see cref="GeoPackageGeoReader"/> itself, so odd and broken blobs give the same geometry or exception as before.
/// Not thread-safe: use one instance per thread.
/// </summary>
internal sealed class GeoPackageGeometryReader
{
    private readonly GeoPackageGeoReader _general = new() { HandleSRID = true };
    private readonly Dictionary<int, WKBReader> _wkbReaders = [];
    private byte[] _buffer = new byte[256];

    public Geometry Read(ReadOnlySpan<byte> blob)
    {
        if (GeoPackageGeometryHeader.TryRead(blob, out var header) && TryReadWkb(blob[header.WkbOffset..], header) is { } geometry)
        {
            return geometry;
        }

        return _general.Read(blob.ToArray());
    }

    private Geometry? TryReadWkb(ReadOnlySpan<byte> wkb, GeoPackageGeometryHeader header)
    {
        if (_buffer.Length < wkb.Length)
        {
            _buffer = new byte[Math.Max(wkb.Length, _buffer.Length * 2)];
        }

        wkb.CopyTo(_buffer);
        Geometry geometry;
        try
        {
            using var stream = new MemoryStream(_buffer, 0, wkb.Length, writable: false);
            geometry = WkbReader(header.SrsId).Read(stream);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return null; // the general reader reports it
        }

        // As GeoPackageGeoReader: the header's srs_id, and a point flagged empty is POINT EMPTY.
        geometry.SRID = header.SrsId;
        return header.IsEmpty && geometry.OgcGeometryType == OgcGeometryType.Point ? geometry.Factory.CreatePoint() : geometry;
    }

    private WKBReader WkbReader(int srsId)
    {
        if (!_wkbReaders.TryGetValue(srsId, out var reader))
        {
            var defaults = NtsGeometryServices.Instance;
            var services = new NtsGeometryServices(defaults.DefaultCoordinateSequenceFactory, defaults.DefaultPrecisionModel, srsId);
            // The same settings as the WKBReader that GeoPackageGeoReader makes (its RepairRings is WKBReader.IsStrict inverted).
            reader = new WKBReader(services) { HandleOrdinates = _general.HandleOrdinates, IsStrict = !_general.RepairRings, HandleSRID = false };
            _wkbReaders.Add(srsId, reader);
        }

        return reader;
    }
}
