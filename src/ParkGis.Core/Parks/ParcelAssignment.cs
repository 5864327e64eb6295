using NetTopologySuite.Geometries;
using ParkGis.Core.Analysis;
using ParkGis.Core.Data;

namespace ParkGis.Core.Parks;

/// <summary>
/// Places each parcel (宗地) in a park and a block: the park named by its <c>park_id</c> when that park exists,
/// else the park covering the parcel's interior point (measured in the parcel's analysis CRS); the block is the
/// part of the park covering that point, else the part sharing most area with the parcel.
/// </summary>
public static class ParcelAssignment
{
    /// <summary>One placement per screened parcel (null when the parcel lies in no park).</summary>
    public static IReadOnlyList<ParcelPlacement?> Assign(Layer parcelLayer, LayerProjections parcels, LayerProjections parks)
    {
        ArgumentNullException.ThrowIfNull(parcelLayer);
        ArgumentNullException.ThrowIfNull(parcels);
        ArgumentNullException.ThrowIfNull(parks);
        var parkIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var j = 0; j < parks.Features.Count; j++)
        {
            parkIndex.TryAdd(parks.Features[j].Id, j);
        }

        var result = new ParcelPlacement?[parcels.Features.Count];
        for (var i = 0; i < parcels.Features.Count; i++)
        {
            var feature = parcels.Features[i];
            int park;
            if (parcelLayer.Text(feature.Source, "park_id") is { } id && parkIndex.TryGetValue(id, out var named))
            {
                park = named;
            }
            else
            {
                var crs = AnalysisCrs.For(parcels.SourceCrs, feature.Geometry);
                var point = parcels.In(crs).Geometry(i).InteriorPoint;
                var here = parks.In(crs);
                park = here.Query(point.EnvelopeInternal).FirstOrDefault(j => here.Prepared(j).Covers(point), -1);
                if (park < 0)
                {
                    continue;
                }
            }

            result[i] = new ParcelPlacement(park, BlockOf(parcels, i, parks, park));
        }

        return result;
    }

    private static int BlockOf(LayerProjections parcels, int parcel, LayerProjections parks, int park)
    {
        var parkCrs = AnalysisCrs.For(parks.SourceCrs, parks.Features[park].Geometry);
        var parkGeometry = parks.In(parkCrs).Geometry(park);
        if (parkGeometry.NumGeometries < 2)
        {
            return 1;
        }

        var geometry = parcels.In(parkCrs).Geometry(parcel);
        var point = geometry.InteriorPoint;
        var best = 1;
        var bestArea = 0.0;
        for (var b = 0; b < parkGeometry.NumGeometries; b++)
        {
            var block = parkGeometry.GetGeometryN(b);
            if (block.Covers(point))
            {
                return b + 1;
            }

            if (block.EnvelopeInternal.Intersects(geometry.EnvelopeInternal))
            {
                var area = NetTopologySuite.Operation.OverlayNG.OverlayNGRobust.Overlay(block, geometry, NetTopologySuite.Operation.Overlay.SpatialFunction.Intersection).Area;
                if (area > bestArea)
                {
                    (best, bestArea) = (b + 1, area);
                }
            }
        }

        return best;
    }

    /// <summary>The blocks of a park geometry (its polygons, in part order).</summary>
    public static IReadOnlyList<Geometry> Blocks(Geometry park)
    {
        ArgumentNullException.ThrowIfNull(park);
        return Enumerable.Range(0, park.NumGeometries).Select(park.GetGeometryN).ToList();
    }
}
