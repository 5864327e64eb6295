using ParkGis.Core.Idle;
using ParkGis.Core.Supply;

namespace ParkGis.Core.Intensity;

/// <summary>
/// Builds the intensity analysis's land-status input from the supply ledger and the idle-land survey of the same
/// as-of date: class D (已供) = parcels supplied by then, G (闲置) = idle_unstarted or idle_halted, B21 per park =
/// the park's approved-but-unsupplied land (批而未供). Built-up (A) stays derived from the parcel fields.
/// </summary>
public static class LandStatusFromSupply
{
    /// <summary>The land status of every parcel the idle survey judged, and B21 per park from the ledger when given.</summary>
    /// <remarks>A parcel whose status is <c>unknown</c> counts as neither supplied nor idle: the survey's data issue, carried in
    /// <see cref="LandStatusInput.Issues"/>, says why.</remarks>
    public static LandStatusInput From(SupplyLedgerResult? supply, IdleLandResult idle) => From(supply?.Parks, idle);

    /// <summary>The land status of every parcel the idle survey judged, and B21 per park from the parks' supply figures when given.</summary>
    /// <param name="parks">Each park's approved and supplied land (<see cref="SupplyLedger.ParkFigures"/>), or null.</param>
    /// <param name="idle">The idle-land survey of the same as-of date.</param>
    public static LandStatusInput From(IReadOnlyList<AreaSupply>? parks, IdleLandResult idle)
    {
        ArgumentNullException.ThrowIfNull(idle);
        var parcels = idle.Parcels
            .Select(p => new ParcelLandStatus(p.ParcelId, IsSupplied(p.Verdict.Status), Built: null, IsIdle(p.Verdict.Status)))
            .ToList();
        var ready = parks?.ToDictionary(p => p.Id, p => p.UnsuppliedM2, StringComparer.Ordinal);
        return new LandStatusInput(parcels, ready, idle.Issues);
    }

    /// <summary>Supplied on the as-of date (everything but not_supplied and unknown).</summary>
    public static bool IsSupplied(IdleStatus status) => status is not (IdleStatus.NotSupplied or IdleStatus.Unknown);

    /// <summary>Legally idle (闲置土地): idle_unstarted or idle_halted.</summary>
    public static bool IsIdle(IdleStatus status) => IdleStatuses.IsIdle(status);
}
