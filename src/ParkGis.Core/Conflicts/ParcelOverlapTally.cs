namespace ParkGis.Core.Conflicts;

/// <summary>Land claimed by two or more parcels.</summary>
/// <param name="AreaM2">Area covered by two or more parcels, counted once, in m².</param>
/// <param name="Pairs">Pairs of parcels whose interiors overlap by at least the minimum area, outside stacks.</param>
public sealed record ParcelOverlapTally(double AreaM2, int Pairs)
{
    /// <summary>Stacks of parcels (clusters of overlapping parcels in which one overlaps more than 32 others): their pairs are not counted, a <c>parcel_stack</c> data issue names each.</summary>
    public int Stacks { get; init; }
}
