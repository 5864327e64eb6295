using System.Collections.Concurrent;
using NetTopologySuite.Geometries;
using ParkGis.Core.Analysis;

namespace ParkGis.Core.Supply;

/// <summary>
/// What one ledger run has decided about a supplied parcel and the approval features, per analysis CRS: whether an
/// approval feature covers the parcel, and the parcel's pieces cut by every approval. The batches, the parks, the 旗区
/// and 未批先供 ask the same questions of the same projected geometries; each is answered once, by whichever asks first.
/// Safe for concurrent use; an answer never depends on who asked first (the same exact predicate or overlay of the same
/// inputs), so the figures do not either.
/// </summary>
internal sealed class ApprovalCovers
{
    private readonly ConcurrentDictionary<(int Epsg, int Approval, int Parcel), bool> _covers = new();
    private readonly ConcurrentDictionary<(int Epsg, int Parcel), List<LayerOverlay.Piece>> _pieces = new();

    /// <summary>
    /// Whether approval feature <paramref name="approval"/> of <paramref name="approvals"/> covers <paramref name="parcel"/>
    /// (parcel <paramref name="parcelIndex"/> of the supplied parcels in the same CRS), its envelope known to cover the
    /// parcel's, when that costs no relate: from one vertex when no segment of the approval's boundary comes near the
    /// parcel, else as decided before; null when a relate must decide (then <see cref="Record"/> its answer).
    /// </summary>
    public bool? Covers(ProjectedLayer approvals, int approval, Geometry parcel, int parcelIndex)
    {
        var boundary = approvals.Boundary(approval);
        if (boundary.Misses(parcel.EnvelopeInternal))
        {
            return boundary.Locate(parcel.Coordinate) == Location.Interior;
        }

        return _covers.TryGetValue((approvals.Crs.Epsg, approval, parcelIndex), out var covers) ? covers : null;
    }

    /// <summary>
    /// Notes that approval feature <paramref name="approval"/> does or does not cover supplied parcel
    /// <paramref name="parcel"/> in the CRS (the approval's or the parcel's relate: the same exact predicate).
    /// </summary>
    /// <returns><paramref name="covers"/>.</returns>
    public bool Record(int epsg, int approval, int parcel, bool covers)
    {
        _covers.TryAdd((epsg, approval, parcel), covers);
        return covers;
    }

    /// <summary>
    /// The pieces of parcel <paramref name="parcelIndex"/> (<paramref name="parcel"/>, in <paramref name="approvals"/>'
    /// CRS) cut by every approval feature (<see cref="LayerOverlay.Pieces(Geometry, NetTopologySuite.Geometries.Prepared.IPreparedGeometry, ProjectedLayer, int)"/>),
    /// computed once. Callers must not change the list.
    /// </summary>
    /// <param name="approvals">The approval features in the parcel's CRS.</param>
    /// <param name="parcel">The parcel.</param>
    /// <param name="parcelIndex">Its index among the supplied parcels.</param>
    /// <param name="preparedParcel">The parcel prepared, or null to prepare it when needed.</param>
    public List<LayerOverlay.Piece> Pieces(ProjectedLayer approvals, Geometry parcel, int parcelIndex, RelatePreparedGeometry? preparedParcel = null)
    {
        var key = (approvals.Crs.Epsg, parcelIndex);
        if (_pieces.TryGetValue(key, out var pieces))
        {
            return pieces;
        }

        pieces = LayerOverlay.Pieces(parcel, preparedParcel ?? new RelatePreparedGeometry(parcel), approvals);
        return _pieces.GetOrAdd(key, pieces);
    }
}
