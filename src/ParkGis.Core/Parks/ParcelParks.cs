using System.Collections.Concurrent;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;
using ParkGis.Core.Analysis;
using ParkGis.Core.Assessment;
using ParkGis.Core.Data;
using ParkGis.Core.Localization;

namespace ParkGis.Core.Parks;

/// <summary>
/// The one rule that puts a parcel (宗地) in a park (所属园区), used by every analysis: the park its <c>park_id</c>
/// names, when that park is among the analysed parks — the land register's word comes first; otherwise the park
/// holding the largest part of the parcel's area (measured in the parcel's analysis CRS; a tie goes to the smaller
/// park id, ordinal); otherwise none. A <c>park_id</c> that names no analysed park and a parcel in no park are data
/// issues. The block (区块) is the part of the park holding the largest part of the parcel.
/// </summary>
public sealed class ParcelParks
{
    private readonly ParcelPlacement?[] _placements;

    private ParcelParks(ParcelPlacement?[] placements, IReadOnlyList<DataIssue> issues)
    {
        _placements = placements;
        Issues = issues;
    }

    /// <summary>The placement of each screened parcel, in the parcels' order; null when the parcel lies in no park.</summary>
    public IReadOnlyList<ParcelPlacement?> Placements => _placements;

    /// <summary>Data issues of the rule (<c>unknown_park_id</c>, <c>parcel_without_park</c>), in parcel order.</summary>
    public IReadOnlyList<DataIssue> Issues { get; }

    /// <summary>The placement of parcel <paramref name="index"/>, or null.</summary>
    public ParcelPlacement? Of(int index) => _placements[index];

    /// <summary>The park id of parcel <paramref name="index"/>; empty when it lies in no park.</summary>
    public string ParkIdOf(int index) => _placements[index]?.ParkId ?? string.Empty;

    /// <summary>Places every screened parcel.</summary>
    /// <param name="parcels">The screened parcels.</param>
    /// <param name="parks">The screened parks, or null when the dataset has none.</param>
    /// <param name="cancellation">Stops the placement.</param>
    public static ParcelParks Assign(ScreenedLayer parcels, ScreenedLayer? parks, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(parcels);
        var placements = new ParcelPlacement?[parcels.Count];
        var found = new DataIssue?[parcels.Count];
        var layerName = LayerRoles.Name(parcels.Role);
        var blocks = new ConcurrentDictionary<(int Epsg, int Park), Lazy<FeatureBoundary[]>>(); // each block's boundary, per park and CRS
        Parallel.For(0, parcels.Count, new ParallelOptions { CancellationToken = cancellation }, i =>
        {
            var recorded = parcels.Text(i, "park_id");
            var park = recorded is not null && parks is not null ? parks.IndexOf(recorded) : -1;
            if (park < 0 && parks is not null)
            {
                park = LargestOverlap(parcels, i, parks);
            }

            var id = parcels.Features[i].Id;
            if (recorded is not null && (parks is null || parks.IndexOf(recorded) < 0))
            {
                found[i] = new DataIssue(layerName, id, park >= 0 ? DataIssueCodes.UnknownParkId : DataIssueCodes.ParcelWithoutPark, park >= 0
                    ? Localized.Format("ParcelParkIdUnknownInPark", recorded, parks!.Features[park].Id)
                    : Localized.Format("ParcelParkIdUnknownOutside", recorded));
            }
            else if (park < 0)
            {
                found[i] = new DataIssue(layerName, id, DataIssueCodes.ParcelWithoutPark,
                    Localized.Get("ParcelNoParkIdOutside"));
            }

            if (park >= 0)
            {
                placements[i] = new ParcelPlacement(park, parks!.Features[park].Id, BlockOf(parcels, i, parks, park, blocks));
            }
        });

        return new ParcelParks(placements, found.OfType<DataIssue>().ToList());
    }

    /// <summary>The park holding the largest part of the parcel (a tie to the smaller id), or -1.</summary>
    private static int LargestOverlap(ScreenedLayer parcels, int index, ScreenedLayer parks)
    {
        var crs = parcels.AnalysisCrsOf(index);
        var here = parcels.Projections.In(crs);
        var parksHere = parks.Projections.In(crs);
        var parcel = here.Geometry(index);
        var envelope = parcel.EnvelopeInternal;
        var areas = new Dictionary<int, double>();
        var near = new List<int>();
        foreach (var park in parksHere.Query(envelope))
        {
            if (AreaIn(parcel, here, index, parksHere, park, near) is { } area)
            {
                areas[park] = area;
            }
        }

        var best = -1;
        var bestArea = 0.0;
        foreach (var (park, area) in areas)
        {
            if (area > bestArea || (area == bestArea && best >= 0 && string.CompareOrdinal(parks.Features[park].Id, parks.Features[best].Id) < 0))
            {
                (best, bestArea) = (park, area);
            }
        }

        return best;
    }

    /// <summary>
    /// The parcel's area in one park, null when their interiors do not meet. A parcel that no segment of the park's
    /// boundary comes near lies wholly inside the park or outside it, as one vertex shows; for the others the park's
    /// prepared geometry decides whether it covers the parcel, and only a parcel across the boundary is overlaid — the
    /// pieces and areas of <see cref="LayerOverlay.Pieces"/>, without relating the park's whole boundary to the parcel.
    /// </summary>
    private static double? AreaIn(Geometry parcel, ProjectedLayer parcelsHere, int index, ProjectedLayer parks, int park, List<int> near)
    {
        var boundary = parks.Boundary(park);
        boundary.Near(parcel.EnvelopeInternal, near);
        if (near.Count == 0)
        {
            return boundary.Locate(parcel.Coordinate) == Location.Interior ? AreaOfParts(parcel) : null;
        }

        var feature = parks.Geometry(park);
        var prepared = parks.Prepared(park);
        if (!prepared.Intersects(parcel))
        {
            return null;
        }

        Geometry intersection;
        if (parcel.EnvelopeInternal.Covers(parks.Envelope(park)) && parcelsHere.Prepared(index).Covers(feature))
        {
            intersection = feature;
        }
        else if (prepared.Covers(parcel))
        {
            intersection = parcel;
        }
        else
        {
            intersection = OverlayNGRobust.Overlay(parcel, feature, SpatialFunction.Intersection);
        }

        return AreaOfParts(intersection);
    }

    /// <summary>The summed area of a geometry's polygons, added in their order; null when it has none.</summary>
    private static double? AreaOfParts(Geometry geometry)
    {
        var parts = LayerOverlay.PolygonParts(geometry);
        if (parts.Count == 0)
        {
            return null;
        }

        var area = 0.0;
        foreach (var part in parts)
        {
            area += part.Area;
        }

        return area;
    }

    /// <summary>The block of <paramref name="park"/> holding the largest part of the parcel (a tie to the lower number); 1 for a one-block park; 0 for none.</summary>
    private static int BlockOf(ScreenedLayer parcels, int index, ScreenedLayer parks, int park, ConcurrentDictionary<(int Epsg, int Park), Lazy<FeatureBoundary[]>> blocks)
    {
        var crs = parcels.AnalysisCrsOf(index);
        var parkGeometry = parks.Projections.In(crs).Geometry(park);
        if (parkGeometry.NumGeometries < 2)
        {
            return 1;
        }

        var parcel = parcels.Projections.In(crs).Geometry(index);
        var near = new List<int>();
        var boundary = parks.Projections.In(crs).Boundary(park);
        boundary.Near(parcel.EnvelopeInternal, near);
        if (near.Count == 0)
        {
            // No segment of the park's boundary comes near the parcel: it lies wholly in one block, or outside the park.
            return boundary.Locate(parcel.Coordinate) == Location.Interior ? BlockHolding(parkGeometry, parcel.Coordinate) : 0;
        }

        if (OnlyBlockNear(parkGeometry, parcel.EnvelopeInternal) is { } only && parks.Projections.In(crs).Prepared(park).Covers(parcel))
        {
            return only + 1; // inside the park, and no other block comes near it: no overlay needed
        }

        var best = 0;
        var bestArea = 0.0;
        var blockBoundaries = blocks.GetOrAdd((crs.Epsg, park), _ => new Lazy<FeatureBoundary[]>(() =>
            [.. Enumerable.Range(0, parkGeometry.NumGeometries).Select(b => new FeatureBoundary(parkGeometry.GetGeometryN(b)))])).Value;
        for (var b = 0; b < parkGeometry.NumGeometries; b++)
        {
            var block = parkGeometry.GetGeometryN(b);
            if (!block.EnvelopeInternal.Intersects(parcel.EnvelopeInternal))
            {
                continue;
            }

            blockBoundaries[b].Near(parcel.EnvelopeInternal, near);
            if (near.Count == 0)
            {
                // Clear of this block's boundary: wholly inside it (no other block can hold any of it) or wholly outside.
                if (blockBoundaries[b].Locate(parcel.Coordinate) == Location.Interior)
                {
                    return b + 1;
                }

                continue;
            }

            var area = OverlayNGRobust.Overlay(block, parcel, SpatialFunction.Intersection).Area;
            if (area > bestArea)
            {
                (best, bestArea) = (b + 1, area);
            }
        }

        return best;
    }

    /// <summary>The 1-based number of the block whose interior holds <paramref name="point"/>, a point of the park's interior.</summary>
    private static int BlockHolding(Geometry park, Coordinate point)
    {
        int? only = null;
        for (var b = 0; b < park.NumGeometries; b++)
        {
            if (park.GetGeometryN(b).EnvelopeInternal.Intersects(point))
            {
                if (only is not null)
                {
                    only = null;
                    break;
                }

                only = b;
            }
        }

        if (only is { } single)
        {
            return single + 1; // the blocks' interiors are disjoint and the point is in one of them: the one around it
        }

        for (var b = 0; b < park.NumGeometries; b++)
        {
            var block = park.GetGeometryN(b);
            if (block.EnvelopeInternal.Intersects(point) && SimplePointInAreaLocator.Locate(point, block) == Location.Interior)
            {
                return b + 1;
            }
        }

        return 0;
    }

    /// <summary>The one block whose envelope meets <paramref name="envelope"/>, or null when none or several do.</summary>
    private static int? OnlyBlockNear(Geometry park, Envelope envelope)
    {
        int? only = null;
        for (var b = 0; b < park.NumGeometries; b++)
        {
            if (park.GetGeometryN(b).EnvelopeInternal.Intersects(envelope))
            {
                if (only is not null)
                {
                    return null;
                }

                only = b;
            }
        }

        return only;
    }
}
