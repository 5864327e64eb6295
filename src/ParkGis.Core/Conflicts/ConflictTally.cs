namespace ParkGis.Core.Conflicts;

/// <summary>How much of a park one kind of conflict covers.</summary>
/// <param name="AreaM2">Total conflict area in m² (planar, analysis CRS), slivers included.</param>
/// <param name="Patches">Polygon parts of the conflict geometry of at least the minimum area (图斑).</param>
/// <param name="SuppressedCount">Parts under the minimum area.</param>
/// <param name="SuppressedAreaM2">Their total area in m².</param>
/// <param name="Checked">False when the control layer was missing, so nothing could be checked.</param>
public sealed record ConflictTally(double AreaM2, int Patches, int SuppressedCount, double SuppressedAreaM2, bool Checked)
{
    /// <summary>A kind that could not be checked because its layer is missing.</summary>
    public static ConflictTally NotChecked { get; } = new(0, 0, 0, 0, Checked: false);
}
