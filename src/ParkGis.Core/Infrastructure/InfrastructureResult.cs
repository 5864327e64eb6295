using ParkGis.Core.Data;

namespace ParkGis.Core.Infrastructure;

/// <summary>The outcome of an <see cref="InfrastructureCheck"/>.</summary>
/// <param name="Parks">One entry per park, sorted by id (ordinal).</param>
/// <param name="Issues">Data issues from reading and from the check.</param>
/// <param name="Options">The options used.</param>
/// <param name="ServiceAreaBuilds">Service areas built: one per utility per analysis CRS it is measured in.</param>
public sealed record InfrastructureResult(
    IReadOnlyList<ParkInfrastructure> Parks,
    IReadOnlyList<DataIssue> Issues,
    InfrastructureOptions Options,
    int ServiceAreaBuilds)
{
    /// <summary>True when some park is known not to meet 九通一平.</summary>
    public bool HasFailures => Parks.Any(p => p.MeetsAll == false);
}
