namespace ParkGis.Core.Conflicts;

/// <summary>Land claimed by two or more parcels.</summary>
/// <param name="AreaM2">Area covered by two or more parcels, counted once, in m².</param>
/// <param name="Pairs">Pairs of parcels whose interiors overlap by at least the minimum area.</param>
public sealed record ParcelOverlapTally(double AreaM2, int Pairs);
