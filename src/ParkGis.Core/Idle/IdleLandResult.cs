using ParkGis.Core.Data;

namespace ParkGis.Core.Idle;

/// <summary>The outcome of an <see cref="IdleLandSurvey"/> (闲置土地调查).</summary>
/// <param name="AsOf">The as-of date.</param>
/// <param name="Parcels">Every parcel, sorted by id (ordinal).</param>
/// <param name="Parks">Per park, sorted by id; parcels in no park under the empty id (first).</param>
/// <param name="Totals">The totals over all parcels.</param>
/// <param name="Issues">Data issues from reading and from the rule.</param>
public sealed record IdleLandResult(
    DateOnly AsOf,
    IReadOnlyList<IdleParcel> Parcels,
    IReadOnlyList<IdleParkSummary> Parks,
    IdleParkSummary Totals,
    IReadOnlyList<DataIssue> Issues)
{
    /// <summary>Per 旗区 (the parks' 旗区, docs/rules.md#banners), sorted by name; parcels in no park or in a park without a 旗区 under the empty name (first).</summary>
    public IReadOnlyList<IdleParkSummary> Banners { get; init; } = [];

    /// <summary>The rules applied.</summary>
    public IdleRules Rules { get; init; } = IdleRules.Default;

    /// <summary>True when any parcel is idle.</summary>
    public bool HasIdleLand => Totals.IdleParcels > 0;

    /// <summary>Parcels per status, in <see cref="IdleStatuses.All"/> order.</summary>
    public IReadOnlyList<(IdleStatus Status, int Count)> StatusCounts =>
        IdleStatuses.All.Select(s => (s, Parcels.Count(p => p.Verdict.Status == s))).ToList();
}
