namespace ParkGis.Core.Assessment;

/// <summary>How an assessment treats its input and which rules it applies, the same for every analysis of the run.</summary>
/// <param name="RepairInvalidGeometry">
/// Repair invalid geometries with NTS GeometryFixer (<c>--fix</c>) and report the area each repair changed;
/// otherwise invalid features are reported once and left out of every analysis.
/// </param>
/// <param name="Rules">The rules file of the run (<c>--rules</c>); null for every default.</param>
public sealed record AssessmentOptions(bool RepairInvalidGeometry = false, RuleSet? Rules = null)
{
    /// <summary>Invalid geometry left out, default rules.</summary>
    public static AssessmentOptions Default { get; } = new();

    /// <summary>The rules applied: <see cref="Rules"/> or the defaults.</summary>
    public RuleSet RulesUsed => Rules ?? RuleSet.Default;
}
