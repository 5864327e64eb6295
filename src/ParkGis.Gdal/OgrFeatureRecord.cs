namespace ParkGis.Gdal;

/// <summary>One feature as OGR gives it: its geometry as ISO WKB (little-endian), or null, and its field values.</summary>
/// <param name="Wkb">The geometry as WKB, or null when the feature has none.</param>
/// <param name="Values">
/// Field values in field order: long (integer fields), double (real), <see cref="DateOnly"/> (date), string (all
/// other types, as OGR formats them), or null when unset or null.
/// </param>
public readonly record struct OgrFeatureRecord(byte[]? Wkb, object?[] Values);
