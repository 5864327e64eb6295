using NetTopologySuite.Geometries;

namespace ParkGis.Core.Infrastructure;

/// <summary>A usable feature of a utility network: a valid, non-empty line or polygon in its layer's CRS.</summary>
/// <param name="Id">The feature id.</param>
/// <param name="Geometry">The geometry (LineString, MultiLineString, Polygon or MultiPolygon).</param>
public sealed record NetworkFeature(string Id, Geometry Geometry);
