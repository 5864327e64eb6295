using ParkGis.Core.Data;
using ParkGis.Core.Idle;
using ParkGis.Core.Supply;

namespace ParkGis.Cli.Commands;

/// <summary>
/// Runs the supply ledger and the idle-land survey for commands that use their results (intensity, scorecard),
/// when the dataset has what they need; otherwise says what is missing instead of failing.
/// </summary>
/// <param name="AsOf">The as-of date used, or null when none was given or implied.</param>
/// <param name="Supply">The supply ledger, or null.</param>
/// <param name="Idle">The idle-land survey, or null.</param>
/// <param name="Missing">Why a result is absent (for "not computed" notes), or null when both ran.</param>
internal sealed record LandStatusRun(DateOnly? AsOf, SupplyLedgerResult? Supply, IdleLandResult? Idle, string? Missing)
{
    /// <summary>Runs what the dataset allows on <paramref name="asOf"/>.</summary>
    public static LandStatusRun For(Dataset data, DateOnly? asOf, IProgress<string> progress)
    {
        if (asOf is not { } date)
        {
            return new LandStatusRun(null, null, null, "an as-of date (--as-of, or --year for 31 December of that year)");
        }

        if (data.Find(LayerRole.Parcels) is null)
        {
            return new LandStatusRun(date, null, null, "the parcels layer (宗地)");
        }

        var idle = new IdleLandSurvey(progress).Survey(data, date);
        if (data.Find(LayerRole.Approvals) is null)
        {
            return new LandStatusRun(date, null, idle, "the approvals layer (建设用地批次)");
        }

        var supply = new SupplyLedger(SupplyLedgerOptions.Default, progress).Compute(data, date);
        return new LandStatusRun(date, supply, idle, null);
    }

    /// <summary>The as-of date a year implies: 31 December of it.</summary>
    public static DateOnly? YearEnd(int? year) => year is { } y ? new DateOnly(y, 12, 31) : null;
}
