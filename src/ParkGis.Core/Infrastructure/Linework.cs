using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;

namespace ParkGis.Core.Infrastructure;

/// <summary>
/// The lines and polygon rings of a geometry as coordinate arrays with their envelopes, taken once so that
/// <see cref="FacetDistance"/> measures one parcel against many network features (and one feature against many
/// parcels) without extracting components or allocating each time.
/// </summary>
internal sealed class Linework
{
    private Linework(Geometry geometry)
    {
        Geometry = geometry;
        var lines = LinearComponentExtracter.GetLines(geometry);
        Parts = new Coordinate[lines.Count][];
        PartEnvelopes = new Envelope[lines.Count];
        var k = 0;
        foreach (var line in lines)
        {
            Parts[k] = line.Coordinates;
            PartEnvelopes[k] = line.EnvelopeInternal;
            k++;
        }

        IsPolygonal = geometry.Dimension >= Dimension.Surface;
    }

    /// <summary>The geometry.</summary>
    public Geometry Geometry { get; }

    /// <summary>The geometry's envelope.</summary>
    public Envelope Envelope => Geometry.EnvelopeInternal;

    /// <summary>Each line and ring of the geometry, as its coordinates.</summary>
    public Coordinate[][] Parts { get; }

    /// <summary>The envelope of each part.</summary>
    public Envelope[] PartEnvelopes { get; }

    /// <summary>The geometry has area (a polygon or multipolygon): another geometry may lie inside it.</summary>
    public bool IsPolygonal { get; }

    /// <summary>The linework of <paramref name="geometry"/>.</summary>
    public static Linework Of(Geometry geometry) => new(geometry ?? throw new ArgumentNullException(nameof(geometry)));
}
