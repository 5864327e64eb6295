using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using NetTopologySuite.Geometries;

namespace ParkGis.Bench;

/// <summary>
/// Writes each table as FOLDER/&lt;table&gt;.geojson: a FeatureCollection in EPSG:4545 with the legacy <c>crs</c>
/// member (<c>urn:ogc:def:crs:EPSG::4545</c>), coordinates in shortest round-trip form, so that the GeoJSON
/// dataset holds exactly the GeoPackage's geometry.
/// </summary>
internal sealed class SampleGeoJsonWriter(string folder) : IFeatureSink
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public IFeatureTable Table(string name, string geometryType, IReadOnlyList<(string Name, string Type)> columns) =>
        new Writer(Path.Combine(folder, name + ".geojson"), name, columns);

    public void Dispose()
    {
    }

    private sealed class Writer : IFeatureTable
    {
        private readonly FileStream _stream;
        private readonly Utf8JsonWriter _json;
        private readonly IReadOnlyList<(string Name, string Type)> _columns;

        public Writer(string path, string name, IReadOnlyList<(string Name, string Type)> columns)
        {
            _columns = columns;
            _stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
            _json = new Utf8JsonWriter(_stream, Options);
            _json.WriteStartObject();
            _json.WriteString("type", "FeatureCollection");
            _json.WriteString("name", name);
            _json.WriteStartObject("crs");
            _json.WriteString("type", "name");
            _json.WriteStartObject("properties");
            _json.WriteString("name", "urn:ogc:def:crs:EPSG::4545");
            _json.WriteEndObject();
            _json.WriteEndObject();
            _json.WriteStartArray("features");
        }

        public void Add(Geometry geometry, object?[] values)
        {
            _json.WriteStartObject();
            _json.WriteString("type", "Feature");
            _json.WriteStartObject("properties");
            for (var i = 0; i < _columns.Count; i++)
            {
                var name = _columns[i].Name;
                switch (values[i])
                {
                    case null:
                        _json.WriteNull(name);
                        break;
                    case int n:
                        _json.WriteNumber(name, n);
                        break;
                    case long n:
                        _json.WriteNumber(name, n);
                        break;
                    case double d:
                        _json.WriteNumber(name, d);
                        break;
                    case DateOnly date:
                        _json.WriteString(name, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                        break;
                    case var other:
                        _json.WriteString(name, Convert.ToString(other, CultureInfo.InvariantCulture));
                        break;
                }
            }

            _json.WriteEndObject();
            _json.WriteStartObject("geometry");
            WriteGeometry(geometry);
            _json.WriteEndObject();
            _json.WriteEndObject();
            if (_json.BytesPending > 1 << 16)
            {
                _json.Flush();
            }
        }

        public void Dispose()
        {
            _json.WriteEndArray();
            _json.WriteEndObject();
            _json.Flush();
            _json.Dispose();
            _stream.Write("\n"u8);
            _stream.Dispose();
        }

        private void WriteGeometry(Geometry geometry)
        {
            switch (geometry)
            {
                case Polygon polygon:
                    _json.WriteString("type", "Polygon");
                    _json.WritePropertyName("coordinates");
                    WritePolygon(polygon);
                    break;
                case MultiPolygon multi:
                    _json.WriteString("type", "MultiPolygon");
                    _json.WritePropertyName("coordinates");
                    _json.WriteStartArray();
                    for (var i = 0; i < multi.NumGeometries; i++)
                    {
                        WritePolygon((Polygon)multi.GetGeometryN(i));
                    }

                    _json.WriteEndArray();
                    break;
                case LineString line:
                    _json.WriteString("type", "LineString");
                    _json.WritePropertyName("coordinates");
                    WriteSequence(line.CoordinateSequence);
                    break;
                default:
                    throw new NotSupportedException(geometry.GeometryType);
            }
        }

        private void WritePolygon(Polygon polygon)
        {
            _json.WriteStartArray();
            WriteSequence(polygon.ExteriorRing.CoordinateSequence);
            foreach (var hole in polygon.InteriorRings)
            {
                WriteSequence(hole.CoordinateSequence);
            }

            _json.WriteEndArray();
        }

        private void WriteSequence(CoordinateSequence sequence)
        {
            _json.WriteStartArray();
            for (var i = 0; i < sequence.Count; i++)
            {
                _json.WriteStartArray();
                _json.WriteNumberValue(sequence.GetX(i));
                _json.WriteNumberValue(sequence.GetY(i));
                _json.WriteEndArray();
            }

            _json.WriteEndArray();
        }
    }
}
