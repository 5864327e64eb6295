using ParkGis.Core.Analysis;
using ParkGis.Core.Data;
using ParkGis.Core.Idle;

namespace ParkGis.Core.Supply;

/// <summary>
/// Which park (所属园区) each parcel belongs to: its <c>park_id</c> when set, else the park it overlaps most
/// (area measured in the parcel's analysis CRS; a tie goes to the smaller park id, ordinal), else none (empty).
/// </summary>
public static class ParcelParkAssignment
{
    /// <summary>The park id of each screened parcel, in the order of <paramref name="parcels"/>.</summary>
    /// <param name="parcelLayer">The parcel layer (for the park_id field).</param>
    /// <param name="parcels">The screened parcels.</param>
    /// <param name="parks">The screened parks, or null when the dataset has none.</param>
    public static string[] Assign(Layer parcelLayer, LayerProjections parcels, LayerProjections? parks)
    {
        ArgumentNullException.ThrowIfNull(parcelLayer);
        ArgumentNullException.ThrowIfNull(parcels);
        var result = new string[parcels.Features.Count];
        Parallel.For(0, result.Length, i =>
        {
            var feature = parcels.Features[i];
            result[i] = parcelLayer.Text(feature.Source, ParcelFields.ParkId)
                ?? (parks is null ? string.Empty : LargestOverlap(parcels, i, parks));
        });
        return result;
    }

    private static string LargestOverlap(LayerProjections parcels, int index, LayerProjections parks)
    {
        var crs = AnalysisCrs.For(parcels.SourceCrs, parcels.Features[index].Geometry);
        var here = parcels.In(crs);
        var parkLayer = parks.In(crs);
        var areas = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var piece in LayerOverlay.Pieces(here.Geometry(index), here.Prepared(index), parkLayer))
        {
            var id = parkLayer.Features[piece.FeatureIndex].Id;
            areas[id] = areas.GetValueOrDefault(id) + piece.Polygon.Area;
        }

        var best = string.Empty;
        var bestArea = 0.0;
        foreach (var (id, area) in areas.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            if (area > bestArea)
            {
                best = id;
                bestArea = area;
            }
        }

        return best;
    }
}
