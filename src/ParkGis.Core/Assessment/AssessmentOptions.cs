namespace ParkGis.Core.Assessment;

/// <summary>How an assessment treats its input, the same for every analysis of the run.</summary>
/// <param name="RepairInvalidGeometry">
/// Repair invalid geometries with NTS GeometryFixer (<c>--fix</c>) and report the area each repair changed;
/// otherwise invalid features are reported once and left out of every analysis.
/// </param>
public sealed record AssessmentOptions(bool RepairInvalidGeometry = false)
{
    /// <summary>Invalid geometry left out.</summary>
    public static AssessmentOptions Default { get; } = new();
}
