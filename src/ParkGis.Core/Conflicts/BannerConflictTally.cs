namespace ParkGis.Core.Conflicts;

/// <summary>How much of a 旗区's parks one kind of conflict covers (docs/rules.md#conflict-banner-totals).</summary>
/// <param name="AreaM2">Conflict area over the union of the 旗区's parks, m² (slivers included).</param>
/// <param name="Patches">Σ the parks' patches (图斑) of at least the minimum area.</param>
/// <param name="Parks">Parks of the 旗区 with at least one such patch.</param>
/// <param name="Checked">False when the control layer was missing for any of its parks.</param>
public sealed record BannerConflictTally(double AreaM2, int Patches, int Parks, bool Checked);
