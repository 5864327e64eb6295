namespace ParkGis.Core.Conflicts;

/// <summary>Settings of <see cref="ConflictCheck"/>.</summary>
/// <param name="MinAreaM2">
/// docs/rules.md#conflict-min-area.
/// Conflict polygons smaller than this (m²) are slivers: counted as suppressed, not as patches. There is no
/// official threshold; 1 m² is the default.
/// </param>
/// <param name="FixInvalidGeometry">
/// Repair invalid geometries with NTS GeometryFixer and report the area each repair changed; otherwise invalid
/// features are reported and left out of the analysis.
/// </param>
public sealed record ConflictCheckOptions(double MinAreaM2 = 1.0, bool FixInvalidGeometry = false)
{
    /// <summary>1 m² minimum area, no repair.</summary>
    public static ConflictCheckOptions Default { get; } = new();
}
