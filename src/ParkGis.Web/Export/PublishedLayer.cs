namespace ParkGis.Web.Export;

/// <summary>A layer ready to publish: a dataset layer (园区, 宗地…) or an analysis result (冲突图斑…).</summary>
/// <param name="Name">File and tile-layer name: <c>parks</c>, <c>parcels</c>, <c>conflicts</c>.</param>
/// <param name="Title">Chinese title for the report's layer list.</param>
/// <param name="IsResult">True for analysis results, false for input layers.</param>
/// <param name="Highlight">True for findings drawn on top in strong colours.</param>
/// <param name="Features">Features in source (or result) order.</param>
public sealed record PublishedLayer(string Name, string Title, bool IsResult, bool Highlight, IReadOnlyList<PublishedFeature> Features);
