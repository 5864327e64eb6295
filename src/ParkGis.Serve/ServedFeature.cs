namespace ParkGis.Serve;

/// <summary>A feature of a <see cref="FeatureCollectionLayer"/>: its id (position in the file, from 1), its GeoJSON with that id, and its bounding box (null without geometry).</summary>
public sealed record ServedFeature(int Id, byte[] Json, BoundingBox? Box);
