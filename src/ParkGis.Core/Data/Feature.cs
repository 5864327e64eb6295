using NetTopologySuite.Geometries;

namespace ParkGis.Core.Data;

/// <summary>
/// One feature of a layer: its id (from the layer's id field, else its ordinal), its position in the source,
/// its geometry in the layer's CRS and every attribute as read, under the source's own field names.
/// </summary>
/// <param name="Id">The feature id (e.g. <c>park_id</c>); the ordinal as text when the layer has no id field.</param>
/// <param name="Ordinal">1-based position of the feature in its source, for error locations.</param>
/// <param name="Geometry">The geometry in the layer's CRS; may be empty when the source had none.</param>
/// <param name="Attributes">All attributes under their source field names, in source order.</param>
public sealed record Feature(string Id, int Ordinal, Geometry Geometry, IReadOnlyDictionary<string, object?> Attributes);
