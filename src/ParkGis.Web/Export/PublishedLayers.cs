using System.Globalization;
using NetTopologySuite.Geometries;
using ParkGis.Core.Analysis;
using ParkGis.Core.Crs;
using ParkGis.Core.Data;
using ParkGis.Core.Measures;
using ParkGis.Core.Publishing;

namespace ParkGis.Web.Export;

/// <summary>
/// Turns a dataset's layers and the analyses' <see cref="ResultLayer"/>s into <see cref="PublishedLayer"/>s in
/// lon/lat: every attribute under its source name (Chinese names intact), the planar area measured in the analysis
/// CRS (<see cref="AnalysisCrs"/>) in m², 亩 and 公顷, and the styling hints <c>kind</c> and <c>severity</c>.
/// </summary>
public static class PublishedLayers
{
    /// <summary>Property names ParkGis adds; an attribute of the same name is replaced by ParkGis's value.</summary>
    public static IReadOnlySet<string> AddedProperties { get; } =
        new HashSet<string>(["area_m2", "area_mu", "area_ha", "kind", "severity"], StringComparer.Ordinal);

    /// <summary>
    /// Input layers in role order, each in feature-id order (ordinal, then the feature's place in its file for a repeated
    /// id) so that a file's feature order does not change what is written; then result layers in catalog order. Features
    /// without geometry are left out.
    /// </summary>
    public static IReadOnlyList<PublishedLayer> From(Dataset dataset, PublishedResults results)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(results);
        var lonLat = LonLat();
        var layers = new List<PublishedLayer>();
        foreach (var role in LayerRoles.All)
        {
            if (dataset.Find(role) is not { } layer)
            {
                continue;
            }

            var toLonLat = CrsTransform.Create(layer.Crs, lonLat);
            var area = AnalysisCrs.AreaFunction(layer.Crs);
            var kind = LayerRoles.Name(role);
            var features = layer.Features
                .Where(f => !f.Geometry.IsEmpty)
                .OrderBy(f => f.Id, StringComparer.Ordinal)
                .ThenBy(f => f.Ordinal)
                .Select(f => new PublishedFeature(
                    toLonLat.Apply(f.Geometry),
                    layer.Text(f, "name") ?? f.Id,
                    Properties(f.Attributes, SafeArea(area, f.Geometry), kind, "info")))
                .ToList();
            layers.Add(new PublishedLayer(kind, LayerRoles.Title(role), IsResult: false, Highlight: false, features));
        }

        layers.AddRange(results.Layers.Select(Of));
        return layers;
    }

    /// <summary>
    /// One result layer in lon/lat, as every command, export, the report and the tiles publish it: the layer's own
    /// properties, then the area (as the analysis measured it) in m², 亩 and 公顷, <c>kind</c> and <c>severity</c>.
    /// </summary>
    public static PublishedLayer Of(ResultLayer result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var lonLat = LonLat();
        var kept = result.Features.Where(f => !f.Geometry.IsEmpty).ToList();

        // Reprojecting thousands of patches (ProjNET, per vertex) is the bulk of publishing: done on every core, and once
        // for a geometry that several features share (a parcel that several networks do not serve).
        var projectedAs = new int[kept.Count];
        var first = new Dictionary<object, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < kept.Count; i++)
        {
            projectedAs[i] = first.TryGetValue(kept[i].Geometry, out var j) && kept[j].Crs.Epsg == kept[i].Crs.Epsg ? j : first[kept[i].Geometry] = i;
        }

        var projected = new Geometry[kept.Count];
        Parallel.For(0, kept.Count, i =>
        {
            if (projectedAs[i] == i)
            {
                projected[i] = CrsTransform.Create(kept[i].Crs, lonLat).Apply(kept[i].Geometry);
            }
        });
        var features = new PublishedFeature[kept.Count];
        Parallel.For(0, kept.Count, i =>
        {
            var f = kept[i];
            features[i] = new PublishedFeature(
                projected[projectedAs[i]],
                f.Label,
                Properties(f.Properties, f.AreaM2 ?? SafeArea(AnalysisCrs.AreaFunction(f.Crs), f.Geometry), f.Kind, f.Severity));
        });
        return new PublishedLayer(result.Name, result.Title, IsResult: true, result.Highlight, features);
    }

    /// <summary>The properties a result feature is published with (its own, then area in m², 亩, 公顷, kind, severity), in every format.</summary>
    public static IReadOnlyList<KeyValuePair<string, object?>> PropertiesOf(ResultFeature feature)
    {
        ArgumentNullException.ThrowIfNull(feature);
        return Properties(feature.Properties, feature.AreaM2 ?? SafeArea(AnalysisCrs.AreaFunction(feature.Crs), feature.Geometry), feature.Kind, feature.Severity);
    }

    /// <summary>EPSG:4326, the frame RFC 7946 requires (CGCS2000 coordinates are taken as WGS 84: centimetres apart).</summary>
    public static CrsDefinition LonLat() =>
        CrsRegistry.FromEpsg(4326) ?? throw new InvalidOperationException("EPSG:4326 is not registered.");

    private static double SafeArea(Func<Geometry, double> area, Geometry geometry) =>
        geometry is IPolygonal ? area(geometry) : 0;

    private static List<KeyValuePair<string, object?>> Properties(
        IEnumerable<KeyValuePair<string, object?>> attributes, double areaM2, string kind, string severity)
    {
        var properties = attributes.Where(a => !AddedProperties.Contains(a.Key)).ToList();
        properties.Add(new("area_m2", Math.Round(areaM2, 3, MidpointRounding.AwayFromZero)));
        properties.Add(new("area_mu", Math.Round(AreaUnits.ToMu(areaM2), 4, MidpointRounding.AwayFromZero)));
        properties.Add(new("area_ha", Math.Round(AreaUnits.ToHectares(areaM2), 6, MidpointRounding.AwayFromZero)));
        properties.Add(new("kind", kind));
        properties.Add(new("severity", severity));
        return properties;
    }

    /// <summary>A property value as text for popups and vector tiles (invariant culture).</summary>
    public static string? Text(object? value) => value switch
    {
        null => null,
        string text => text,
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime time => AttributeText.TimeText(time),
        DateTimeOffset time => AttributeText.TimeText(time),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
