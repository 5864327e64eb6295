using System.Globalization;
using ParkGis.Core.Errors;
using ParkGis.Core.Publishing;
using ParkGis.Core.WebFrames;
using ParkGis.IO.Output;
using ParkGis.Web.Localization;
using ParkGis.Web.Tiles;

namespace ParkGis.Web.Export;

/// <summary>
/// Writes the published layers as RFC 7946 GeoJSON (one file per layer and per result, through
/// <see cref="Rfc7946Writer"/>), optionally coverage-simplified, converted into a Chinese web-map frame, and tiled.
/// </summary>
public static class WebExport
{
    /// <summary>The file a layer is written to.</summary>
    public static string FileName(PublishedLayer layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        return layer.Name + ".geojson";
    }

    /// <summary>
    /// Writes one published layer as an RFC 7946 GeoJSON file in WGS 84 (the frame member says so): the file a command
    /// writes for its result layer, the same bytes <see cref="Write"/> gives that layer without simplification.
    /// </summary>
    /// <returns>What the output-geometry policy did to the layer's geometries.</returns>
    public static OutputGeometryTally WriteLayer(PublishedLayer layer, string path, int decimals = 7)
    {
        ArgumentNullException.ThrowIfNull(layer);
        var frameMember = new KeyValuePair<string, object?>[] { new(WebMapFrames.MemberName, WebMapFrames.DisplayName(WebMapFrame.Wgs84)) };
        return new Rfc7946Writer(decimals).Write(path, layer.Features.Select(ToGeoJson).ToList(), frameMember);
    }

    /// <summary>
    /// Writes every layer into <paramref name="folder"/>, and the vector tiles of every layer with
    /// <see cref="ExportOptions.Tiles"/>. The tiles are planned first: when they would exceed a limit, nothing is written.
    /// </summary>
    /// <param name="layers">The layers, in the order their files are listed.</param>
    /// <param name="options">Frame, decimals, simplification, tiles.</param>
    /// <param name="folder">The folder written into.</param>
    /// <param name="progress">A line per file written (in the order of <paramref name="layers"/>) and the tiles' lines, or null.</param>
    /// <param name="cancellation">Stops the preparing and the writing of the layers.</param>
    public static ExportSummary Write(IReadOnlyList<PublishedLayer> layers, ExportOptions options, string folder, IProgress<string>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentNullException.ThrowIfNull(options);
        var writer = new Rfc7946Writer(options.Decimals);
        var parallel = new ParallelOptions { CancellationToken = cancellation };
        var policy = OutputGeometryPolicy.ForDecimals(options.Decimals);
        var conversion = new WebFrameConversion(options.Frame);
        var frameMember = new KeyValuePair<string, object?>[] { new(WebMapFrames.MemberName, WebMapFrames.DisplayName(options.Frame)) };
        var prepared = new List<(PublishedLayer Layer, long? UnsimplifiedBytes, long UnsimplifiedVertices, int KeptUnsimplified, int WithoutGeometry)>();
        foreach (var layer in layers)
        {
            var geometries = layer.Features.Select(f => f.Geometry).ToList();
            var unsimplifiedVertices = geometries.Sum(g => (long)g.NumPoints);
            long? unsimplifiedBytes = null;
            var keptUnsimplified = 0;
            if (options.SimplifyToleranceM is { } tolerance)
            {
                unsimplifiedBytes = MeasureBytes(writer, layer.Features.Select(f => f with { Geometry = new WebFrameConversion(options.Frame).Apply(f.Geometry) }), frameMember);
                var groups = layer.IsResult
                    ? Enumerable.Range(0, geometries.Count).GroupBy(i => KindOf(layer.Features[i]), StringComparer.Ordinal).Select(g => g.ToList()).ToList()
                    : [Enumerable.Range(0, geometries.Count).ToList()];
                foreach (var group in groups)
                {
                    var (simplified, kept) = CoverageSimplification.Simplify(group.Select(i => geometries[i]).ToList(), tolerance);
                    keptUnsimplified += kept;
                    for (var k = 0; k < group.Count; k++)
                    {
                        geometries[group[k]] = simplified[k];
                    }
                }
            }

            // The output-geometry policy on the frame's coordinates: the GeoJSON and the tiles' input get the same valid
            // geometry. Applied on every core; the tally is taken in feature order, as the line it gives sums areas.
            var outputs = new OutputGeometry[geometries.Count];
            ParallelFailures.RethrowFirst(() => Parallel.For(0, geometries.Count, parallel, i => outputs[i] = policy.Apply(conversion.Apply(geometries[i]))));
            var tally = new OutputGeometryTally();
            var features = new List<PublishedFeature>(outputs.Length);
            for (var i = 0; i < outputs.Length; i++)
            {
                tally.Add(outputs[i], geometries[i].IsEmpty);
                features.Add(layer.Features[i] with { Geometry = outputs[i].Geometry });
            }

            if (tally.IsWorthReporting)
            {
                progress?.Report(tally.Describe(FileName(layer), Math.Pow(10, -options.Decimals)));
            }

            prepared.Add((layer with { Features = features }, unsimplifiedBytes, unsimplifiedVertices, keptUnsimplified, tally.FeaturesEmptied));
        }

        var tilePlan = options.Tiles is { } tileOptions ? VectorTileExport.Plan(prepared.Select(p => p.Layer).ToList(), tileOptions, progress) : null;
        // The files are written side by side (a file of a few large polygons keeps one core busy), each by a writer that
        // does not apply the policy again. A file's line waits for the lines of the files before it, the writing does not.
        var onGrid = new Rfc7946Writer(options.Decimals, policyApplied: true);
        var files = new ExportedFile[prepared.Count];
        var announced = 0;
        var gate = new Lock();
        ParallelFailures.RethrowFirst(() => Parallel.For(0, prepared.Count, parallel, k =>
        {
            var (layer, unsimplifiedBytes, unsimplifiedVertices, keptUnsimplified, withoutGeometry) = prepared[k];
            var path = Path.Combine(folder, FileName(layer));
            onGrid.Write(path, layer.Features.Select(ToGeoJson), frameMember);
            var file = new ExportedFile(FileName(layer), layer.Features.Count, new FileInfo(path).Length, unsimplifiedBytes,
                layer.Features.Sum(f => (long)f.Geometry.NumPoints), unsimplifiedVertices, keptUnsimplified, withoutGeometry);
            lock (gate)
            {
                files[k] = file;
                for (; announced < files.Length && files[announced] is { } done; announced++)
                {
                    progress?.Report(Localized.Format("ProgressWroteLayer", done.FileName, done.Features));
                }
            }
        }));

        var tiles = tilePlan is null ? null : VectorTileExport.Write(tilePlan, folder, options.Frame, progress);
        return new ExportSummary(options.Frame, files, conversion.ConvertedPoints, conversion.OutsideChinaPoints, tiles);
    }

    private static string KindOf(PublishedFeature feature) =>
        feature.Properties.FirstOrDefault(p => p.Key == "kind").Value as string ?? string.Empty;

    private static long MeasureBytes(Rfc7946Writer writer, IEnumerable<PublishedFeature> features, IReadOnlyList<KeyValuePair<string, object?>> members)
    {
        using var counter = new ByteCountingStream();
        writer.Write(counter, features.Select(ToGeoJson), members);
        return counter.Length;
    }

    internal static GeoJsonFeature ToGeoJson(PublishedFeature feature) => new(feature.Geometry, feature.Properties);
}
