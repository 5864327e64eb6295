namespace ParkGis.Core.Boundaries;

/// <summary>One block (区块/地块) of a park: one polygon of its MultiPolygon, with its rings and area.</summary>
/// <param name="Number">1-based block number in the park's geometry order.</param>
/// <param name="Rings">Outer ring first, then holes.</param>
/// <param name="AreaM2">Planar area in the zone, from the rounded coordinates.</param>
public sealed record BoundaryBlock(int Number, IReadOnlyList<BoundaryRing> Rings, double AreaM2);
