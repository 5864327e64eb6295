namespace ParkGis.Core.Conflicts;

/// <summary>Parcel land in conflict, summed over all parcels.</summary>
/// <param name="AreaM2">Total area in m², slivers included.</param>
/// <param name="Parcels">Parcels whose conflict area reaches the minimum area.</param>
/// <param name="Checked">False when the layer needed was missing.</param>
public sealed record ParcelTally(double AreaM2, int Parcels, bool Checked);
