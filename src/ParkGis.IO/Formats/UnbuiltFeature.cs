using NetTopologySuite.Geometries;

namespace ParkGis.IO.Formats;

/// <summary>
/// The stand-in geometry of a feature a reader left unbuilt because its box lies outside the reach it was given
/// (<see cref="LayerReadRequest.Reach"/>): the box itself, marked, so that the feature still takes part in everything
/// done to the layer as read (its ordinal, its id and duplicate ids, the srs_id and coordinate checks — the box's
/// corners lie within the range of its coordinates) until the dataset reader drops it.
/// </summary>
internal static class UnbuiltFeature
{
    private static readonly object Marker = new();

    /// <summary>The stand-in for a feature with box <paramref name="box"/>, carrying the blob's <paramref name="srid"/>.</summary>
    public static Geometry StandIn(GeometryFactory factory, Envelope box, int srid)
    {
        var geometry = factory.ToGeometry(box);
        geometry.SRID = srid;
        geometry.UserData = Marker;
        return geometry;
    }

    /// <summary>Whether <paramref name="geometry"/> is a stand-in.</summary>
    public static bool IsStandIn(Geometry geometry) => ReferenceEquals(geometry.UserData, Marker);
}
