using ParkGis.Core.Analysis;
using ParkGis.Core.Crs;
using ParkGis.Core.Data;

namespace ParkGis.Core.Assessment;

/// <summary>
/// One layer screened once under the assessment's repair policy (图层筛查): the valid polygonal features every
/// analysis of the run uses, in feature-id order (ordinal) so that no result depends on the order of the source;
/// each feature's analysis CRS and own area; the layer projected into each analysis CRS on demand; and the data
/// issues of the screening, made once and reported by every analysis that uses the layer.
/// </summary>
public sealed class ScreenedLayer
{
    private readonly Lazy<CrsDefinition[]> _crs;
    private readonly Lazy<double[]> _areas;
    private readonly Lazy<Dictionary<string, int>> _indexById;

    /// <summary>Wraps the features that passed screening.</summary>
    /// <param name="layer">The layer as read (or as kept within reach of the parks and parcels).</param>
    /// <param name="features">The features that passed, in id order.</param>
    /// <param name="issues">The data issues of the screening.</param>
    public ScreenedLayer(Layer layer, IReadOnlyList<PolygonalFeature> features, IReadOnlyList<DataIssue> issues)
    {
        Layer = layer ?? throw new ArgumentNullException(nameof(layer));
        ArgumentNullException.ThrowIfNull(features);
        Issues = issues ?? throw new ArgumentNullException(nameof(issues));
        Projections = new LayerProjections(features, layer.Crs);
        _crs = new Lazy<CrsDefinition[]>(() =>
        {
            var crs = new CrsDefinition[features.Count];
            Parallel.For(0, crs.Length, i => crs[i] = AnalysisCrs.For(layer.Crs, features[i].Geometry));
            return crs;
        });
        _areas = new Lazy<double[]>(() =>
        {
            var areas = new double[features.Count];
            foreach (var crs in AnalysisCrsOfAll.DistinctBy(c => c.Epsg).OrderBy(c => c.Epsg))
            {
                Projections.In(crs); // each zone projected once, at top level (see ProjectedLayer.MayProjectInParallel)
            }

            // One thread: the areas are first asked for from inside the commands' parallel loops, whose workers then wait
            // on this Lazy; a parallel loop here found no free worker and waited ~1 s for the pool to add one.
            for (var i = 0; i < areas.Length; i++)
            {
                areas[i] = Projections.In(AnalysisCrsOf(i)).Geometry(i).Area;
            }

            return areas;
        });
        _indexById = new Lazy<Dictionary<string, int>>(() =>
        {
            var index = new Dictionary<string, int>(features.Count, StringComparer.Ordinal);
            for (var i = 0; i < features.Count; i++)
            {
                index.TryAdd(features[i].Id, i);
            }

            return index;
        });
    }

    /// <summary>The layer the features come from.</summary>
    public Layer Layer { get; }

    /// <summary>The role of the layer.</summary>
    public LayerRole Role => Layer.Role;

    /// <summary>The screened features, projected into each analysis CRS on demand.</summary>
    public LayerProjections Projections { get; }

    /// <summary>The screened features in id order (ordinal).</summary>
    public IReadOnlyList<PolygonalFeature> Features => Projections.Features;

    /// <summary>The number of screened features.</summary>
    public int Count => Projections.Features.Count;

    /// <summary>Data issues of the screening (features left out or repaired, an empty layer).</summary>
    public IReadOnlyList<DataIssue> Issues { get; }

    /// <summary>The analysis CRS of every feature, in feature order (<see cref="AnalysisCrs.For"/>).</summary>
    public IReadOnlyList<CrsDefinition> AnalysisCrsOfAll => _crs.Value;

    /// <summary>The analysis CRS of feature <paramref name="index"/>: where its own figures are measured.</summary>
    public CrsDefinition AnalysisCrsOf(int index) => _crs.Value[index];

    /// <summary>The planar area in m² of feature <paramref name="index"/> in its analysis CRS (the one area every analysis uses).</summary>
    public double AreaM2(int index) => _areas.Value[index];

    /// <summary>The projected geometry of feature <paramref name="index"/> in its analysis CRS.</summary>
    public NetTopologySuite.Geometries.Geometry GeometryInAnalysisCrs(int index) => Projections.In(AnalysisCrsOf(index)).Geometry(index);

    /// <summary>The index of the feature with id <paramref name="id"/>, or -1 when no screened feature has it.</summary>
    public int IndexOf(string id) => _indexById.Value.TryGetValue(id, out var index) ? index : -1;

    /// <summary>A canonical field of feature <paramref name="index"/> as trimmed text, or null.</summary>
    public string? Text(int index, string canonicalName) => Layer.Text(Features[index].Source, canonicalName);
}
