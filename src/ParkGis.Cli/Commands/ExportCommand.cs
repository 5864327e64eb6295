using System.CommandLine;
using System.Globalization;
using ParkGis.Cli.Localization;
using ParkGis.Cli.Rendering;
using ParkGis.Core.Data;
using ParkGis.Core.Publishing;
using ParkGis.Core.WebFrames;
using ParkGis.IO.Output;
using ParkGis.Web.Export;
using ParkGis.Web.Tiles;

namespace ParkGis.Cli.Commands;

/// <summary>
/// <c>parkgis export DATASET --out DIR [--crs wgs84|gcj02|bd09] [--precision N] [--simplify M] [--tiles]
/// [--tile-format pmtiles,mbtiles,folder] [--min-zoom Z] [--max-zoom Z] [--max-tiles N] [--max-tiles-mb MB] [--as-of DATE] [--fix] [--overwrite]</c>.
/// </summary>
internal static class ExportCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Build()
    {
        var dataset = CommonOptions.DatasetArgument();
        var output = CommonOptions.OutOption();
        var overwrite = CommonOptions.OverwriteOption();
        var crs = new Option<string>("--crs")
        {
            Description = Text.Get("ExportCrsOption"),
            DefaultValueFactory = _ => "wgs84",
            HelpName = "wgs84|gcj02|bd09",
        };
        crs.Validators.Add(result =>
        {
            if (!WebMapFrames.TryParse(result.GetValueOrDefault<string>(), out _))
            {
                result.AddError(Text.Get("ExportCrsInvalid"));
            }
        });
        var precision = new Option<int>("--precision")
        {
            Description = Text.Get("PrecisionOption"),
            DefaultValueFactory = _ => ExportOptions.Default.Decimals,
            HelpName = "N",
        };
        precision.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > 15)
            {
                result.AddError(Text.Get("PrecisionInvalid"));
            }
        });
        var simplify = new Option<double?>("--simplify")
        {
            Description = Text.Get("SimplifyOption"),
            HelpName = "M",
        };
        simplify.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double?>() is { } value && (!double.IsFinite(value) || value < 0))
            {
                result.AddError(Text.Get("SimplifyInvalid"));
            }
        });
        var asOf = AsOfOption.BuildOptional(
            Text.Get("PublishAsOfOption"));
        var fix = CommonOptions.FixOption();
        var format = CommonOptions.GisFormatOption();
        var command = new Command(
            "export",
            Text.Get("ExportCommand"))
        {
            dataset, output, crs, precision, simplify, asOf, fix, overwrite, format,
        };
        var tiles = TileOptionsParser.AddTo(command);
        CommandRun.SetAction(command, (parse, run) =>
        {
            run.UseFormat(parse.GetValue(format));
            WebMapFrames.TryParse(parse.GetValue(crs), out var frame);
            var options = new ExportOptions(frame, parse.GetValue(precision), parse.GetValue(simplify), tiles.Read(parse));
            var assessment = run.Assess(parse.GetRequiredValue(dataset), parse.GetValue(fix));
            var results = assessment.Publication(AsOfOption.OptionalValue(parse, asOf));
            var layers = PublishedLayers.From(assessment.Dataset, results);
            var owned = OwnedNames(results);
            using var folder = run.BeginOutput(parse.GetRequiredValue(output), owned, parse.GetValue(overwrite), DatasetSource.Inputs(parse.GetRequiredValue(dataset)));
            var summary = WebExport.Write(layers, options, folder.Staging, run.Progress, run.Cancellation);
            if (run.Format != GisFormat.GeoJson)
            {
                foreach (var role in LayerRoles.All)
                {
                    if (assessment.Layer(role) is { } layer)
                    {
                        run.WriteGisLayer(folder, LayerRoles.Name(role), [.. layer.Features.Where(f => !f.Geometry.IsEmpty)
                            .Select(f => (f.Geometry, layer.Crs, (IReadOnlyList<KeyValuePair<string, object?>>)[.. f.Attributes]))]);
                    }
                }

                foreach (var result in results.Layers)
                {
                    run.WriteGisLayer(folder, result);
                }
            }

            // The summary begins with the line naming the folder: all of it is the conclusion (a line per file).
            return run.PrintAndCommit(folder, static _ => { }, stdout =>
            {
                WriteSummary(stdout, summary, folder.Destination, options.Decimals);
                DataIssueCount.Write(stdout, results.Issues, file: null);
                return ExitCodes.Conclude(stdout, results.HasFindings, results.Issues);
            });
        });
        return command;
    }

    /// <summary>Names the export may write: a file per role and per result layer, and every tile output.</summary>
    private static List<string> OwnedNames(PublishedResults results)
    {
        var names = LayerRoles.All.Select(r => LayerRoles.Name(r) + ".geojson").ToList();
        names.AddRange(results.Layers.Select(l => l.Name + ".geojson"));
        names.AddRange(VectorTileExport.OutputNames(TileArchiveFormats.PmTiles | TileArchiveFormats.MbTiles | TileArchiveFormats.Folder));
        return names;
    }

    private static void WriteSummary(TextWriter stdout, ExportSummary summary, string destination, int decimals)
    {
        var invariant = CultureInfo.InvariantCulture;
        stdout.WriteLine(Text.Format("ExportedTo", destination, summary.Frame switch { WebMapFrame.Wgs84 => "WGS84 / CGCS2000", _ => WebMapFrames.DisplayName(summary.Frame) }));
        foreach (var file in summary.Files)
        {
            var line = string.Create(invariant, $"  {file.FileName,-28} {file.Features,8} {Text.Get("ExportFeatures")} {Kb(file.Bytes),10}");
            if (file.UnsimplifiedBytes is { } before)
            {
                var saved = before == 0 ? 0 : 100.0 * (before - file.Bytes) / before;
                line += Text.Format("ExportSimplifiedFrom", Kb(before), saved.ToString("0.0", invariant), file.UnsimplifiedVertices, file.Vertices, file.KeptUnsimplified);
            }

            if (file.WithoutGeometry > 0)
            {
                line += Text.Format("ExportWithoutGeometry", file.WithoutGeometry);
            }

            stdout.WriteLine(line);
        }

        if (summary.Files.Any(f => f.UnsimplifiedBytes is not null))
        {
            var before = summary.Files.Sum(f => f.UnsimplifiedBytes ?? f.Bytes);
            var after = summary.Files.Sum(f => f.Bytes);
            stdout.WriteLine(Text.Format("ExportSimplificationSaved", Kb(before - after), Kb(before), (before == 0 ? 0 : 100.0 * (before - after) / before).ToString("0.0", invariant)));
        }

        // Features the precision emptied are a loss a reader must see in the conclusion, not only in stderr's progress.
        if (summary.Files.Sum(f => f.WithoutGeometry) is var emptied and > 0)
        {
            stdout.WriteLine(Text.Format("ExportCollapsedAtPrecision", decimals, Math.Pow(10, -decimals).ToString("G", invariant), emptied));
        }

        if (summary.Frame != WebMapFrame.Wgs84)
        {
            stdout.WriteLine(Text.Format("ExportConverted", summary.ConvertedPoints, WebMapFrames.DisplayName(summary.Frame), summary.OutsideChinaPoints));
        }

        if (summary.Tiles is { } tiles)
        {
            stdout.WriteLine(Text.Format("ExportTiles", tiles.MinZoom, tiles.MaxZoom, tiles.Tiles, tiles.DistinctTiles, Kb(tiles.Bytes), Text.List(tiles.Outputs), tiles.Elapsed.TotalSeconds, string.Join(" ", tiles.TilesPerZoom)));
            stdout.WriteLine(Text.Format("ExportTileGeometry", tiles.RepairedPieces, tiles.CollapsedParts, tiles.RepairedFeatures, tiles.LostFeatures));
        }
    }

    private static string Kb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KB");
}
