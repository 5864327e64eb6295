using NetTopologySuite.Geometries;
using ParkGis.Core.Data;

namespace ParkGis.Core.Analysis;

/// <summary>A feature that passed screening: a valid, non-empty Polygon or MultiPolygon.</summary>
/// <param name="Id">The feature id.</param>
/// <param name="Source">The feature as read.</param>
/// <param name="Geometry">Its valid polygonal geometry in the layer's CRS (repaired when asked).</param>
public sealed record PolygonalFeature(string Id, Feature Source, Geometry Geometry);
