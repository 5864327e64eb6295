namespace ParkGis.Core.Boundaries;

/// <summary>One ring of a block: ring number (圈号) 1 is the outer boundary, 2… are holes.</summary>
/// <param name="RingNumber">圈号, 1 for the outer ring.</param>
/// <param name="Points">The points in order, the first repeated at the end.</param>
public sealed record BoundaryRing(int RingNumber, IReadOnlyList<BoundaryPoint> Points);
