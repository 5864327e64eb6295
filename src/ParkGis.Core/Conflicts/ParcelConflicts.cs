namespace ParkGis.Core.Conflicts;

/// <summary>Conflicts of the parcel layer (宗地) with the control lines, the parks and each other.</summary>
/// <param name="Count">Parcels analysed (valid polygonal features).</param>
/// <param name="EcologicalRedline">Parcel land inside the ecological red line.</param>
/// <param name="PermanentFarmland">Parcel land on permanent basic farmland.</param>
/// <param name="OutsidePark">Parcel land outside every park.</param>
/// <param name="ParcelOverlap">Land claimed by two or more parcels.</param>
public sealed record ParcelConflicts(
    int Count,
    ParcelTally EcologicalRedline,
    ParcelTally PermanentFarmland,
    ParcelTally OutsidePark,
    ParcelOverlapTally ParcelOverlap);
