using NetTopologySuite.Geometries;
using ParkGis.Core.Conflicts;
using ParkGis.Core.Crs;
using ParkGis.Core.Measures;

namespace ParkGis.IO.Output;

/// <summary>
/// Writes <c>conflicts.geojson</c>: every conflict patch of at least the minimum area as an RFC 7946 feature
/// (lon/lat; CGCS2000 is taken as WGS 84, a difference of centimetres) with park, kind, severity, area in
/// m²/亩/公顷 and the ids of the features involved — ready to open in QGIS or publish.
/// </summary>
public static class ConflictPatchesWriter
{
    /// <summary>Writes the patches of every park, in park order then kind then descending area.</summary>
    public static void Write(string path, ConflictCheckResult result, int decimals = 7)
    {
        ArgumentNullException.ThrowIfNull(result);
        var lonLat = CrsRegistry.FromEpsg(4326) ?? throw new InvalidOperationException("EPSG:4326 is not registered.");
        var items = result.Parks
            .SelectMany(park => ConflictKinds.All.SelectMany(kind => park.Patches.Where(p => p.Kind == kind)).Select(patch => (park, patch)))
            .ToList();

        // Reprojecting thousands of patches (ProjNET, per vertex) is the bulk of writing: do it on every core.
        var lonLatGeometries = new Geometry[items.Count];
        Parallel.For(0, items.Count, i => lonLatGeometries[i] = CrsTransform.Create(items[i].patch.Crs, lonLat).Apply(items[i].patch.Geometry));
        var features = items
            .Select((item, i) => new GeoJsonFeature(
                lonLatGeometries[i],
                [
                    new("park_id", item.park.ParkId),
                    new("park_name", item.park.Name),
                    new("kind", ConflictKinds.Name(item.patch.Kind)),
                    new("kind_zh", ConflictKinds.ChineseName(item.patch.Kind)),
                    new("severity", ConflictKinds.Severity(item.patch.Kind)),
                    new("area_m2", Math.Round(item.patch.AreaM2, 3, MidpointRounding.AwayFromZero)),
                    new("area_mu", Math.Round(AreaUnits.ToMu(item.patch.AreaM2), 4, MidpointRounding.AwayFromZero)),
                    new("area_ha", Math.Round(AreaUnits.ToHectares(item.patch.AreaM2), 6, MidpointRounding.AwayFromZero)),
                    new("source_ids", string.Join(",", item.patch.SourceIds)),
                    new("analysis_crs", item.patch.Crs.Code),
                ]));
        new Rfc7946Writer(decimals).Write(path, features);
    }
}
