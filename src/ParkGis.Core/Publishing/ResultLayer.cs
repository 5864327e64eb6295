namespace ParkGis.Core.Publishing;

/// <summary>
/// A named result of an analysis, published as one GeoJSON file, one vector-tile layer and one toggleable map
/// layer in the report — 成果图层: the one set of properties the layer has wherever it is written (the command's own
/// GeoJSON, <c>export</c>, the report, the tiles). Conflict patches, 批而未供, 未批先供, idle land (闲置土地), parcels
/// short of a utility and the parcels' 亩均 grades are each one (<see cref="AssessmentPublication"/>).
/// </summary>
/// <param name="Name">File and layer name, snake_case: <c>conflicts</c> → <c>conflicts.geojson</c>.</param>
/// <param name="Title">The Chinese title shown in the report's layer list (e.g. 三区三线冲突图斑).</param>
/// <param name="Features">The features, in a deterministic order.</param>
/// <param name="Highlight">True for findings a reader must see (drawn on top, in strong colours).</param>
public sealed record ResultLayer(string Name, string Title, IReadOnlyList<ResultFeature> Features, bool Highlight);
