using NetTopologySuite.Geometries;

namespace ParkGis.IO.Formats;

/// <summary>A feature as a format reader returns it, before ids are assigned.</summary>
/// <param name="Ordinal">1-based position in the source.</param>
/// <param name="Geometry">The geometry; empty when the source had none.</param>
/// <param name="Attributes">Every attribute in source order.</param>
internal readonly record struct SourceFeature(int Ordinal, Geometry Geometry, IReadOnlyDictionary<string, object?> Attributes);
