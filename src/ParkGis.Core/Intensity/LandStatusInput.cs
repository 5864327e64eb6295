using ParkGis.Core.Data;

namespace ParkGis.Core.Intensity;

/// <summary>
/// Results of the supply and idle-land analyses that the intensity analysis uses when given: per-parcel status
/// and, per park, the approved land ready for supply (B21, 批而未供).
/// </summary>
/// <param name="Parcels">Status per parcel; parcels not listed count as not supplied, not idle, built as derived.</param>
/// <param name="ReadyForSupplyM2ByPark">park_id → B21 area in m², or null when not known (土地供应率 is then not computed).</param>
/// <param name="Issues">The data issues of the analyses the status comes from (a parcel whose idle status is unknown is
/// left out of D and G: its issue says why), reported with the intensity analysis's own; null = none.</param>
public sealed record LandStatusInput(
    IReadOnlyList<ParcelLandStatus> Parcels,
    IReadOnlyDictionary<string, double>? ReadyForSupplyM2ByPark = null,
    IReadOnlyList<DataIssue>? Issues = null);
