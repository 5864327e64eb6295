using NetTopologySuite.Geometries;

namespace ParkGis.Web.Export;

/// <summary>A feature ready to publish: lon/lat geometry (WGS 84 / CGCS2000) and the properties to write.</summary>
/// <param name="Geometry">x = longitude, y = latitude.</param>
/// <param name="Label">What a person calls it (park name, parcel id), for popups.</param>
/// <param name="Properties">Attributes, then <c>area_m2</c>, <c>area_mu</c>, <c>area_ha</c>, <c>kind</c>, <c>severity</c>.</param>
public sealed record PublishedFeature(Geometry Geometry, string Label, IReadOnlyList<KeyValuePair<string, object?>> Properties);
