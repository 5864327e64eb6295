namespace ParkGis.Serve;

/// <summary>A lon/lat bounding box (minimum x, minimum y, maximum x, maximum y), as OGC API <c>bbox</c> gives it.</summary>
public readonly record struct BoundingBox(double MinX, double MinY, double MaxX, double MaxY)
{
    /// <summary>True when the boxes share at least one point (touching edges count, as in the OGC bbox filter).</summary>
    public bool Intersects(BoundingBox other) =>
        MinX <= other.MaxX && other.MinX <= MaxX && MinY <= other.MaxY && other.MinY <= MaxY;
}
