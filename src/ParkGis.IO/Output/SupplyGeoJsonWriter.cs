using NetTopologySuite.Geometries;
using ParkGis.Core.Analysis;
using ParkGis.Core.Crs;
using ParkGis.Core.Measures;
using ParkGis.Core.Supply;

namespace ParkGis.IO.Output;

/// <summary>
/// Writes the two map layers of <c>parkgis supply</c> as RFC 7946 GeoJSON (lon/lat; CGCS2000 taken as WGS 84):
/// <c>unsupplied.geojson</c>, the 批而未供 land of each batch, and <c>unapproved_supply.geojson</c>, the supplied
/// land outside every batch (未批先供). Polygons under the minimum area are left out of unsupplied.geojson.
/// </summary>
public static class SupplyGeoJsonWriter
{
    /// <summary>Writes unsupplied.geojson: one feature per batch with unsupplied land, in batch order.</summary>
    public static void WriteUnsupplied(string path, SupplyLedgerResult result, int decimals = 7)
    {
        ArgumentNullException.ThrowIfNull(result);
        var lonLat = LonLat();
        var features = new List<GeoJsonFeature>();
        foreach (var batch in result.Batches)
        {
            var parts = LayerOverlay.PolygonParts(batch.Unsupplied).Where(p => p.Area >= result.Options.MinAreaM2).ToList();
            if (parts.Count == 0)
            {
                continue;
            }

            Geometry geometry = parts.Count == 1 ? parts[0] : parts[0].Factory.CreateMultiPolygon([.. parts]);
            features.Add(new GeoJsonFeature(CrsTransform.Create(batch.Crs, lonLat).Apply(geometry),
            [
                new("batch_id", batch.BatchId),
                new("approval_no", batch.ApprovalNo),
                new("approved_on", batch.ApprovedOn is { } d ? SupplyJsonWriter.Date(d) : null),
                new("banner", batch.Banner),
                new("unsupplied_m2", SupplyJsonWriter.Round(batch.UnsuppliedM2, 3)),
                new("unsupplied_mu", SupplyJsonWriter.Round(AreaUnits.ToMu(batch.UnsuppliedM2), 4)),
                new("unsupplied_ha", SupplyJsonWriter.Round(AreaUnits.ToHectares(batch.UnsuppliedM2), 6)),
                new("approved_m2", SupplyJsonWriter.Round(batch.ApprovedM2, 3)),
                new("supply_rate", batch.SupplyRate is { } r ? SupplyJsonWriter.Round(r) : null),
                new("analysis_crs", batch.Crs.Code),
            ]));
        }

        new Rfc7946Writer(decimals).Write(path, features);
    }

    /// <summary>Writes unapproved_supply.geojson: one feature per listed parcel, in parcel order.</summary>
    public static void WriteUnapproved(string path, SupplyLedgerResult result, int decimals = 7)
    {
        ArgumentNullException.ThrowIfNull(result);
        var lonLat = LonLat();
        var features = result.Unapproved.Select(u => new GeoJsonFeature(CrsTransform.Create(u.Crs, lonLat).Apply(u.Geometry),
        [
            new("parcel_id", u.ParcelId),
            new("park_id", u.ParkId),
            new("supplied_on", SupplyJsonWriter.Date(u.SuppliedOn)),
            new("area_m2", SupplyJsonWriter.Round(u.AreaM2, 3)),
            new("area_mu", SupplyJsonWriter.Round(AreaUnits.ToMu(u.AreaM2), 4)),
            new("area_ha", SupplyJsonWriter.Round(AreaUnits.ToHectares(u.AreaM2), 6)),
            new("analysis_crs", u.Crs.Code),
        ]));
        new Rfc7946Writer(decimals).Write(path, features);
    }

    private static CrsDefinition LonLat() => CrsRegistry.FromEpsg(4326) ?? throw new InvalidOperationException("EPSG:4326 is not registered.");
}
