using System.CommandLine;
using System.Globalization;
using ParkGis.Cli.Localization;
using ParkGis.Core.Boundaries;
using ParkGis.Core.Data;
using ParkGis.Core.Errors;
using ParkGis.Core.Measures;
using ParkGis.IO.Output;

namespace ParkGis.Cli.Commands;

/// <summary>
/// <c>parkgis boundary-points DATASET --park ID --out DIR [--overwrite]</c>: a park's boundary-point table
/// (界址点坐标表) as DIR/boundary-points.csv and DIR/boundary-points.txt (the ministry's coordinate TXT).
/// </summary>
internal static class BoundaryPointsCommand
{
    /// <summary>Files the command writes into DIR.</summary>
    public static IReadOnlyList<string> OutputFiles { get; } = ["boundary-points.csv", "boundary-points.txt"];

    /// <summary>Builds the command.</summary>
    public static Command Build()
    {
        var dataset = CommonOptions.DatasetArgument();
        var output = CommonOptions.OutOption();
        var overwrite = CommonOptions.OverwriteOption();
        var park = new Option<string>("--park")
        {
            Description = Text.Get("ParkOption"),
            Required = true,
            HelpName = "ID",
        };
        var command = new Command(
            "boundary-points",
            Text.Get("BoundaryPointsCommand"))
        {
            dataset, park, output, overwrite,
        };
        CommandRun.SetAction(command, (parse, run) =>
        {
            var stderr = run.Stderr;
            var parkId = parse.GetRequiredValue(park);
            using var folder = run.BeginOutput(parse.GetRequiredValue(output), OutputFiles, parse.GetValue(overwrite), DatasetSource.Inputs(parse.GetRequiredValue(dataset)));
            var data = run.Read(parse.GetRequiredValue(dataset), DatasetScope.Parks).Dataset;
            var parks = data.Find(LayerRole.Parks) ?? throw new UnusableInputException(
                ErrorCodes.RequiredLayerMissing,
                Text.Format("DatasetHasNoParksLayer", data.Name),
                data.Name,
                hint: data.MissingLayerHint(LayerRole.Parks));
            var feature = parks.Features.FirstOrDefault(f => string.Equals(f.Id, parkId, StringComparison.Ordinal)) ?? throw UnknownPark(parks, parkId);
            var parkIssues = data.Issues.Where(i => string.Equals(i.Feature, feature.Id, StringComparison.Ordinal) || i.Feature.Length == 0).ToList();
            foreach (var issue in parkIssues)
            {
                Rendering.WrappedLine.WriteIssue(stderr, "warning ", issue);
            }

            BoundaryPointTable table;
            try
            {
                table = BoundaryPointTable.For(feature.Geometry, parks.Crs);
            }
            catch (ArgumentException e)
            {
                throw new UnusableInputException(ErrorCodes.UnusableGeometry, Text.Format("BoundaryPointsNotPolygon", parkId, parks.Source, feature.Geometry.IsEmpty ? "EMPTY" : feature.Geometry.GeometryType), parks.Source, feature.Id,
                    Text.Get("BoundaryPointsNotPolygonHint"), e);
            }

            var name = parks.Text(feature, "name");
            BoundaryPointsCsvWriter.Write(folder.PathOf("boundary-points.csv"), feature.Id, name, table);
            CoordinateTxtWriter.Write(folder.PathOf("boundary-points.txt"), feature.Id, name, table);
            return run.PrintAndCommit(folder,
                stdout => stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"园区 {feature.Id}{(name is null ? string.Empty : " " + name)}: {table.Blocks.Count} 个地块, {table.RowCount} 行界址点, 面积 {AreaUnits.ToHectares(table.AreaM2):0.0000} 公顷（{table.Crs}）")),
                stdout =>
                {
                    stdout.WriteLine(Text.Format("BoundaryPointsWritten", Path.Combine(folder.Destination, OutputFiles[0]), OutputFiles[1]));
                    return ExitCodes.Of(findings: false, parkIssues);
                });
        });
        return command;
    }

    private static UnusableInputException UnknownPark(Layer parks, string parkId)
    {
        const int Shown = 10;
        var ids = parks.Features.Select(f => f.Id).Order(StringComparer.Ordinal).ToList();
        var list = Text.List(ids.Take(Shown)) + (ids.Count > Shown ? Text.Format("UnknownParkIdsMore", ids.Count) : string.Empty);
        return new UnusableInputException(
            ErrorCodes.UnknownPark,
            Text.Format("UnknownParkId", parkId, parks.Source),
            parks.Source,
            hint: ids.Count == 0 ? Text.Get("UnknownParkNoParks") : Text.Format("UnknownParkIdHint", list));
    }
}
