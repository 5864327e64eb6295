using NetTopologySuite.Geometries;
using ParkGis.Core.Crs;

namespace ParkGis.Core.Publishing;

/// <summary>One feature of a published result layer (e.g. a conflict patch 冲突图斑, an idle parcel 闲置地块).</summary>
/// <param name="Geometry">The geometry in <paramref name="Crs"/>.</param>
/// <param name="Crs">The CRS of <paramref name="Geometry"/> (usually the projected analysis CRS).</param>
/// <param name="AreaM2">Planar area in m² as the analysis measured it, or null to have the exporter measure it.</param>
/// <param name="Kind">Styling hint a front end keys on: what the feature is (<c>ecological_redline</c>, <c>idle</c>…).</param>
/// <param name="Severity">Styling hint: <c>error</c>, <c>warning</c> or <c>info</c>.</param>
/// <param name="Label">What a person calls the feature (the park name, the parcel id) for popups and tables.</param>
/// <param name="Properties">Attributes to publish, in order, under the names the files use (Chinese names allowed).</param>
public sealed record ResultFeature(
    Geometry Geometry,
    CrsDefinition Crs,
    double? AreaM2,
    string Kind,
    string Severity,
    string Label,
    IReadOnlyList<KeyValuePair<string, object?>> Properties);
