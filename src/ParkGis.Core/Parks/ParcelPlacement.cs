namespace ParkGis.Core.Parks;

/// <summary>Where a parcel belongs (所属园区): a park and the block (区块) of that park.</summary>
/// <param name="ParkIndex">Index of the park among the screened parks.</param>
/// <param name="ParkId">The park's id.</param>
/// <param name="Block">1-based block number (the part of a MultiPolygon park holding most of the parcel); 1 for a single-polygon park; 0 when the parcel overlaps no block of a park of several.</param>
public sealed record ParcelPlacement(int ParkIndex, string ParkId, int Block);
