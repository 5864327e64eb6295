using NetTopologySuite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace ParkGis.IO.Formats;

/// <summary>
/// Reads GeoPackage geometry blobs as <see cref="GeoPackageGeoReader"/> (<c>HandleSRID</c> on) reads standard ones, at
/// less cost per blob and more strictly: the header is read here (<see cref="GeoPackageGeometryHeader"/>; anything
/// that is not a standard blob is a <see cref="ParseException"/> saying why, never an empty geometry) and the WKB
/// after it is built directly when it is a plain polygon or multipolygon (<see cref="PolygonWkbReader"/>) and otherwise goes
/// to one <see cref="WKBReader"/> per <c>srs_id</c> — which bounds every count by the bytes that
/// remain — where <see cref="GeoPackageGeoReader"/> builds new geometry services for every blob. The geometry gets the
/// blob's <c>srs_id</c>, for the caller to compare with its column's. Not thread-safe: use one instance per thread.
/// </summary>
internal sealed class GeoPackageGeometryReader
{
    private readonly GeoPackageGeoReader _settings = new() { HandleSRID = true };
    private readonly Dictionary<int, (WKBReader Reader, GeometryFactory Factory)> _wkbReaders = [];
    private byte[] _buffer = new byte[256];

    /// <exception cref="ParseException">The blob is not a standard GeoPackage geometry, or its WKB is broken.</exception>
    public Geometry Read(ReadOnlySpan<byte> blob)
    {
        var header = GeoPackageGeometryHeader.Read(blob);
        var wkb = blob[header.WkbOffset..];
        WkbNesting.Check(wkb);
        var (reader, factory) = WkbReader(header.SrsId);
        if (!PolygonWkbReader.TryRead(wkb, factory, out var geometry))
        {
            if (_buffer.Length < wkb.Length)
            {
                _buffer = new byte[Math.Max(wkb.Length, _buffer.Length * 2)];
            }

            wkb.CopyTo(_buffer);
            using var stream = new MemoryStream(_buffer, 0, wkb.Length, writable: false);
            geometry = reader.Read(stream);
        }

        // As GeoPackageGeoReader: the header's srs_id, and a point flagged empty is POINT EMPTY.
        geometry.SRID = header.SrsId;
        return header.IsEmpty && geometry.OgcGeometryType == OgcGeometryType.Point ? geometry.Factory.CreatePoint() : geometry;
    }

    /// <summary>The general reader for blobs of <paramref name="srsId"/>, and the factory it builds their geometries with.</summary>
    private (WKBReader Reader, GeometryFactory Factory) WkbReader(int srsId)
    {
        if (!_wkbReaders.TryGetValue(srsId, out var pair))
        {
            var defaults = NtsGeometryServices.Instance;
            var services = new NtsGeometryServices(defaults.DefaultCoordinateSequenceFactory, defaults.DefaultPrecisionModel, srsId);
            // The same settings as the WKBReader that GeoPackageGeoReader makes (its RepairRings is WKBReader.IsStrict inverted).
            var reader = new WKBReader(services) { HandleOrdinates = _settings.HandleOrdinates, IsStrict = !_settings.RepairRings, HandleSRID = false };
            pair = (reader, services.CreateGeometryFactory(services.DefaultPrecisionModel, srsId, services.DefaultCoordinateSequenceFactory));
            _wkbReaders.Add(srsId, pair);
        }

        return pair;
    }
}
