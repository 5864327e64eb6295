using ParkGis.Core.Crs;

namespace ParkGis.Core.Data;

/// <summary>A layer of a dataset, read into memory in its source CRS.</summary>
/// <param name="Role">What the layer is.</param>
/// <param name="Source">Where it came from, as a user would name it: <c>parks.shp</c>, <c>layers.gpkg:parcels</c>.</param>
/// <param name="Format">Format name: <c>GeoJSON</c>, <c>Shapefile</c>, <c>GeoPackage</c>.</param>
/// <param name="Crs">The layer's coordinate reference system.</param>
/// <param name="Features">Features in source order.</param>
/// <param name="FieldMap">
/// Canonical field name (e.g. <c>name</c>) → the source field that holds it (e.g. <c>园区名称</c>). Canonical
/// names with no entry are looked up under their own name.
/// </param>
public sealed record Layer(
    LayerRole Role,
    string Source,
    string Format,
    CrsDefinition Crs,
    IReadOnlyList<Feature> Features,
    IReadOnlyDictionary<string, string> FieldMap)
{
    /// <summary>
    /// How many features were dropped after reading because they cannot change the conflict check's result (see
    /// <c>ConflictCheck.KeepWithinReach</c>); null for a layer as read, before that was considered.
    /// </summary>
    public int? FeaturesOutOfReach { get; init; }

    /// <summary>
    /// How many features the reader did not build because their box lies outside the reach it was given
    /// (<c>ControlReach.FilterFor</c>): not in <see cref="Features"/>, counted among <see cref="FeaturesOutOfReach"/>
    /// once the layer is cut to reach; 0 for a layer read whole.
    /// </summary>
    public int FeaturesLeftUnbuilt { get; init; }

    /// <summary>The source field name for a canonical field name.</summary>
    public string SourceField(string canonicalName) =>
        FieldMap.TryGetValue(canonicalName, out var source) ? source : canonicalName;

    /// <summary>The value of a canonical field for a feature, or null when absent.</summary>
    public object? Value(Feature feature, string canonicalName)
    {
        ArgumentNullException.ThrowIfNull(feature);
        return feature.Attributes.TryGetValue(SourceField(canonicalName), out var value) ? value : null;
    }

    /// <summary>The value of a canonical field as trimmed text, or null when absent or blank.</summary>
    public string? Text(Feature feature, string canonicalName) => AttributeText.Of(Value(feature, canonicalName));
}
