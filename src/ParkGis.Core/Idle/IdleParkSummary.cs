namespace ParkGis.Core.Idle;

/// <summary>Idle land of one park (园区闲置土地汇总); parcels without a park are under the empty id.</summary>
/// <param name="ParkId">The park id; empty for parcels in no park.</param>
/// <param name="Name">The park name, or empty.</param>
/// <param name="IdleParcels">Parcels idle (unstarted or halted).</param>
/// <param name="IdleAreaM2">Their area, summed over parcels.</param>
/// <param name="IdleFeeWan">Their idle fees in 万元 (parcels with an unknown price add nothing).</param>
/// <param name="ReclaimParcels">Idle parcels that may be reclaimed (two full years).</param>
/// <param name="ReclaimAreaM2">Their area.</param>
/// <param name="GovernmentDelayParcels">Parcels whose delay has a government cause.</param>
/// <param name="SuppliedNotStartedParcels">供而未用: supplied, not started, any age.</param>
/// <param name="SuppliedNotStartedAreaM2">Their area.</param>
/// <param name="UnknownParcels">Parcels whose status could not be decided.</param>
public sealed record IdleParkSummary(
    string ParkId,
    string Name,
    int IdleParcels,
    double IdleAreaM2,
    double IdleFeeWan,
    int ReclaimParcels,
    double ReclaimAreaM2,
    int GovernmentDelayParcels,
    int SuppliedNotStartedParcels,
    double SuppliedNotStartedAreaM2,
    int UnknownParcels);
