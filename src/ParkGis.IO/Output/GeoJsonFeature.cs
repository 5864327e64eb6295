using NetTopologySuite.Geometries;

namespace ParkGis.IO.Output;

/// <summary>A feature to write as RFC 7946 GeoJSON: geometry in lon/lat degrees and ordered properties.</summary>
/// <param name="Geometry">Geometry with x = longitude, y = latitude (WGS 84 / CGCS2000).</param>
/// <param name="Properties">Property name → value (string, number, bool, null, or a list of those).</param>
public sealed record GeoJsonFeature(Geometry Geometry, IReadOnlyList<KeyValuePair<string, object?>> Properties);
