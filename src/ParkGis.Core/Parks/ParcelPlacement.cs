namespace ParkGis.Core.Parks;

/// <summary>Where a parcel belongs: a park (by index in the screened parks) and the block (区块) of that park.</summary>
/// <param name="ParkIndex">Index of the park in the screened parks layer.</param>
/// <param name="Block">1-based block number (the part of a MultiPolygon park); 1 for a single-polygon park.</param>
public sealed record ParcelPlacement(int ParkIndex, int Block);
