using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using ParkGis.Core.Crs;
using ParkGis.Core.Data;

namespace ParkGis.Core.Conflicts;

/// <summary>
/// Where a control feature (管控要素: red line, farmland, urban boundary) can matter to the conflict check: its
/// envelope meets a park's or a parcel's. Control features elsewhere (most red-line polygons and farmland patches of a
/// city) change no result, so <see cref="ConflictCheck.KeepWithinReach"/> drops them before anything is validated or
/// indexed, and a reader given <see cref="FilterFor"/> may leave them unbuilt. Only applied to a control layer stored
/// in the same CRS as the parks and parcels; any other layer is screened whole.
/// </summary>
public sealed class ControlReach
{
    /// <summary>
    /// Margin in degrees around a lon/lat feature's envelope (about 100 m): lon/lat data is analysed projected, where
    /// edges run straight between the projected vertices, so an edge may bow slightly outside the envelope of its
    /// vertices in lon/lat.
    /// </summary>
    internal const double LonLatMargin = 1e-3;

    private readonly CrsDefinition _crs;
    private readonly STRtree<bool> _index = new();

    private ControlReach(CrsDefinition crs) => _crs = crs;

    /// <summary>Whether a layer with <paramref name="role"/> is a control layer, cut to reach.</summary>
    public static bool IsControl(LayerRole role) => role is LayerRole.EcologicalRedline or LayerRole.PermanentFarmland or LayerRole.UrbanBoundary;

    /// <summary>The reach of the parks and parcels, or null (keep every control feature) when they are in different CRSs.</summary>
    public static ControlReach? Of(Layer parks, Layer? parcels) =>
        Of(parks, parcels?.Crs, (parcels?.Features ?? []).Select(f => f.Geometry is { IsEmpty: false } geometry ? geometry.EnvelopeInternal : null));

    /// <summary>The reach of the parks and of parcels read in chunks (their envelopes, without building them).</summary>
    public static ControlReach? Of(Layer parks, ParcelChunks parcels)
    {
        ArgumentNullException.ThrowIfNull(parcels);
        return Of(parks, parcels.Crs, Enumerable.Range(0, parcels.Count).Select(parcels.EnvelopeOf));
    }

    private static ControlReach? Of(Layer parks, CrsDefinition? parcelsCrs, IEnumerable<Envelope?> parcelEnvelopes)
    {
        ArgumentNullException.ThrowIfNull(parks);
        if (parcelsCrs is not null && parcelsCrs != parks.Crs)
        {
            return null;
        }

        var reach = new ControlReach(parks.Crs);
        var parkEnvelopes = parks.Features.Where(f => f.Geometry is { IsEmpty: false }).Select(f => f.Geometry!.EnvelopeInternal).ToList();
        foreach (var envelope in parkEnvelopes)
        {
            reach._index.Insert(envelope, true);
        }

        // Parcels inside a park's envelope add nothing to the reach; only the others are indexed.
        foreach (var envelope in parcelEnvelopes)
        {
            if (envelope is not null && !InsideAny(parkEnvelopes, envelope))
            {
                reach._index.Insert(envelope, true);
            }
        }

        reach._index.Build();
        return reach;
    }

    /// <summary>
    /// The test of a control feature's envelope for a layer in <paramref name="crs"/> (true: within reach, keep it), or
    /// null (keep everything) for another CRS. Safe to call from several threads.
    /// </summary>
    public Func<Envelope, bool>? FilterFor(CrsDefinition crs)
    {
        if (crs != _crs)
        {
            return null;
        }

        return _crs.IsGeographic
            ? envelope => _index.Query(new Envelope(envelope.MinX - LonLatMargin, envelope.MaxX + LonLatMargin, envelope.MinY - LonLatMargin, envelope.MaxY + LonLatMargin)).Count > 0
            : envelope => _index.Query(envelope).Count > 0;
    }

    private static bool InsideAny(List<Envelope> parks, Envelope envelope)
    {
        foreach (var park in parks)
        {
            if (park.Covers(envelope))
            {
                return true;
            }
        }

        return false;
    }
}
