using System.CommandLine;
using System.Globalization;
using ParkGis.Cli.Localization;
using ParkGis.Cli.Rendering;
using ParkGis.Core.Analysis;
using ParkGis.Core.Data;
using ParkGis.Core.Errors;
using ParkGis.IO.Output;

namespace ParkGis.Cli.Commands;

/// <summary><c>parkgis info DATASET [--format text|json]</c>: layers, formats, CRS, counts, extents, geometry problems.</summary>
internal static class InfoCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Build()
    {
        var dataset = CommonOptions.DatasetArgument();
        var format = new Option<string>("--format")
        {
            Description = Text.Get("InfoFormatOption"),
            HelpName = "text|json",
        };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command(
            "info",
            Text.Get("InfoCommand"))
        {
            dataset, format,
        };
        CommandRun.SetAction(command, (parse, run) =>
        {
            var stdout = run.Stdout;
            var data = run.Read(parse.GetRequiredValue(dataset)).Dataset;
            if (data.Layers.Count == 0)
            {
                throw new UnusableInputException(
                    ErrorCodes.RequiredLayerMissing, Text.Format("DatasetHasNoKnownLayer", data.Name), data.Name, hint: data.MissingLayerHint(LayerRole.Parks));
            }

            var layers = LayerRoles.All.Select(data.Find).OfType<Layer>().Select(Describe).ToList();
            if (parse.GetValue(format) == "json")
            {
                WriteJson(stdout, data, layers);
            }
            else
            {
                WriteText(stdout, data, layers);
            }

            if (data.Find(LayerRole.Parks) is null)
            {
                // Listed above; but no command can analyse the dataset.
                throw new UnusableInputException(
                    ErrorCodes.RequiredLayerMissing, Text.Format("InfoNoParksLayer", data.Name), data.Name, hint: data.MissingLayerHint(LayerRole.Parks));
            }

            return ExitCodes.Of(findings: false, [.. data.Issues, .. layers.SelectMany(l => l.Issues)]);
        });
        return command;
    }

    private static LayerInfo Describe(Layer layer)
    {
        var issues = new List<DataIssue>();
        var valid = ParkGis.Core.Infrastructure.UtilityNetworks.IsUtility(layer.Role)
            ? ParkGis.Core.Infrastructure.NetworkScreening.Screen(layer, issues).Count
            : FeatureScreening.Screen(layer, repairInvalid: false, issues).Count;
        var envelope = new NetTopologySuite.Geometries.Envelope();
        foreach (var feature in layer.Features)
        {
            envelope.ExpandToInclude(feature.Geometry.EnvelopeInternal);
        }

        return new LayerInfo(layer, envelope, valid, issues, FieldNames(layer));
    }

    /// <summary>The attribute fields of a layer, in source order (rows of one schema share one key list).</summary>
    private static List<string> FieldNames(Layer layer)
    {
        var names = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        object? lastKeys = null;
        foreach (var feature in layer.Features)
        {
            var keys = feature.Attributes.Keys;
            if (!ReferenceEquals(keys, lastKeys))
            {
                lastKeys = keys;
                names.AddRange(keys.Where(seen.Add));
            }
        }

        return names;
    }

    private static void WriteText(TextWriter stdout, Dataset data, List<LayerInfo> layers)
    {
        stdout.WriteLine(Text.Format("InfoDatasetLayers", data.Name, layers.Count));
        foreach (var info in layers)
        {
            var layer = info.Layer;
            stdout.WriteLine();
            stdout.WriteLine($"{LayerRoles.Name(layer.Role)}{Text.Format("InfoRoleLabel", LayerRoles.Label(layer.Role))}  {layer.Source}  {layer.Format}");
            stdout.WriteLine($"  CRS      {layer.Crs}");
            stdout.WriteLine(Text.Format("InfoFeatures", layer.Features.Count, info.ValidCount));
            if (!info.Extent.IsNull)
            {
                stdout.WriteLine(Text.Format("InfoExtent", info.Extent.MinX, info.Extent.MinY, info.Extent.MaxX, info.Extent.MaxY));
            }

            stdout.WriteLine(Text.Format("InfoFields", info.Fields.Count == 0 ? Text.Get("InfoNone") : Text.List(info.Fields)));
            if (layer.FieldMap.Count > 0)
            {
                stdout.WriteLine(Text.Format("InfoFieldMap", string.Join("、", layer.FieldMap.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} ← {p.Value}"))));
            }

            foreach (var issue in info.Issues)
            {
                WrappedLine.WriteIssue(stdout, "  ", issue);
            }
        }

        if (data.UnrecognisedFiles.Count > 0)
        {
            stdout.WriteLine();
            stdout.WriteLine(Text.Format("InfoUnrecognisedFiles", string.Join("、", data.UnrecognisedFiles)));
        }

        if (data.Issues.Count > 0)
        {
            stdout.WriteLine();
            stdout.WriteLine(Text.Get("InfoDataIssues"));
            foreach (var issue in data.Issues)
            {
                WrappedLine.WriteIssue(stdout, "  ", issue);
            }
        }
    }

    private static void WriteJson(TextWriter stdout, Dataset data, List<LayerInfo> layers)
    {
        using var stream = new MemoryStream();
        JsonOutput.Write(stream, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("dataset", data.Name);
            writer.WriteStartArray("layers");
            foreach (var info in layers)
            {
                writer.WriteStartObject();
                writer.WriteString("role", LayerRoles.Name(info.Layer.Role));
                writer.WriteString("source", info.Layer.Source);
                writer.WriteString("format", info.Layer.Format);
                writer.WriteString("crs", info.Layer.Crs.Code);
                writer.WriteString("crs_name", info.Layer.Crs.Name);
                writer.WriteNumber("features", info.Layer.Features.Count);
                writer.WriteNumber("valid_polygons", info.ValidCount);
                writer.WriteStartArray("fields");
                foreach (var field in info.Fields)
                {
                    writer.WriteStringValue(field);
                }

                writer.WriteEndArray();
                writer.WriteStartObject("field_map");
                foreach (var (canonical, source) in info.Layer.FieldMap.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WriteString(canonical, source);
                }

                writer.WriteEndObject();
                if (info.Extent.IsNull)
                {
                    writer.WriteNull("extent");
                }
                else
                {
                    writer.WriteStartArray("extent");
                    writer.WriteNumberValue(info.Extent.MinX);
                    writer.WriteNumberValue(info.Extent.MinY);
                    writer.WriteNumberValue(info.Extent.MaxX);
                    writer.WriteNumberValue(info.Extent.MaxY);
                    writer.WriteEndArray();
                }

                DataIssuesJson.Write(writer, "geometry_problems", info.Issues);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("unrecognised_files");
            foreach (var file in data.UnrecognisedFiles)
            {
                writer.WriteStringValue(file);
            }

            writer.WriteEndArray();
            DataIssuesJson.Write(writer, "data_issues", data.Issues);
            writer.WriteEndObject();
        });

        // Line by line: the terminal writer keeps only WriteLine's own line ends (a newline inside a value is escaped).
        foreach (var line in System.Text.Encoding.UTF8.GetString(stream.ToArray()).TrimEnd('\n').Split('\n'))
        {
            stdout.WriteLine(line);
        }
    }

    private sealed record LayerInfo(Layer Layer, NetTopologySuite.Geometries.Envelope Extent, int ValidCount, IReadOnlyList<DataIssue> Issues, IReadOnlyList<string> Fields);
}
