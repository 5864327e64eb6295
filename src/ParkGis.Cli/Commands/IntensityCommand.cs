using System.CommandLine;
using ParkGis.Cli.Rendering;
using ParkGis.Core.Data;
using ParkGis.Core.Intensity;
using ParkGis.Core.Publishing;
using ParkGis.IO.Intensity;
using ParkGis.IO.Output;

namespace ParkGis.Cli.Commands;

/// <summary><c>parkgis intensity DATASET --out DIR [--year Y] [--baseline-year 2021] [--rules FILE] [--as-of DATE] [--fix] [--overwrite]</c>.</summary>
internal static class IntensityCommand
{
    /// <summary>Files the command writes into DIR.</summary>
    public static IReadOnlyList<string> OutputFiles { get; } =
        ["intensity.json", "intensity_parcels.csv", "intensity_parks.csv", "intensity.geojson"];

    /// <summary>Builds the command.</summary>
    public static Command Build()
    {
        var dataset = CommonOptions.DatasetArgument();
        var output = CommonOptions.OutOption();
        var overwrite = CommonOptions.OverwriteOption();
        var year = AsOfOption.AcceptOnlyAnalysableYears(new Option<int?>("--year") { Description = "The year evaluated (default: the latest year in the economics table).", HelpName = "Y" });
        var baseline = AsOfOption.AcceptOnlyAnalysableYears(new Option<int>("--baseline-year")
        {
            Description = "The year 亩均产值 progress (+35 %, ×2) is measured against.",
            DefaultValueFactory = _ => IntensityOptions.Default.BaselineYear,
            HelpName = "Y",
        });
        var asOf = AsOfOption.BuildOptional(
            "As-of date for the supply and idle status behind 土地供应率, 土地建成率 and 土地闲置率 (default: 31 December of the year evaluated).");
        var rules = new Option<string?>("--rules") { Description = "标准地 thresholds and evaluation settings (JSON; docs/intensity-rules.md).", HelpName = "FILE" };
        var fix = CommonOptions.FixOption();

        var format = CommonOptions.GisFormatOption();
        var command = new Command(
            "intensity",
            "Land-use efficiency (亩均效益, 集约利用): per-parcel indicators, 标准地 compliance, the 亩均 evaluation grades and per-park indicators "
            + "with 亩均产值 against the baseline year; writes DIR/intensity.json, intensity_parcels.csv, intensity_parks.csv and intensity.geojson. "
            + "Exit 0: every checked parcel meets 标准地, 1: some parcel fails, 2: usage error, 3: unusable input."
            + "\n\nExample:\n  parkgis intensity sample-geodata/ordos --out out --year 2025 --baseline-year 2021")
        {
            dataset, output, year, baseline, rules, asOf, fix, overwrite, format,
        };
        command.SetAction((parse, cancellation) =>
        {
            var run = new CommandRun(parse, cancellation);
            run.UseFormat(parse.GetValue(format));
            var ruleSet = parse.GetValue(rules) is { } rulesPath ? IntensityRulesReader.Load(rulesPath) : IntensityRules.Default;
            using var folder = run.BeginOutput(parse.GetRequiredValue(output), OutputFiles, parse.GetValue(overwrite), DatasetSource.Inputs(parse.GetRequiredValue(dataset), parse.GetValue(rules)));
            var assessment = run.Assess(parse.GetRequiredValue(dataset), parse.GetValue(fix));

            // 土地供应率, 土地建成率 and 土地闲置率 come from the supply and idle results on the as-of date (default: 31 December of the year).
            var options = new IntensityOptions(parse.GetValue(year), parse.GetValue(baseline), ruleSet);
            var result = assessment.Intensity(options, AsOfOption.OptionalValue(parse, asOf));
            run.Progress.Report("writing results");
            IntensityJsonWriter.Write(folder.PathOf("intensity.json"), result);
            IntensityTablesWriter.WriteParcels(folder.PathOf("intensity_parcels.csv"), result);
            IntensityTablesWriter.WriteParks(folder.PathOf("intensity_parks.csv"), result);
            run.WriteLayer(folder, IntensityResults.Parcels(result, assessment.Layer(LayerRole.Parcels)!.Crs));
            run.Commit(folder);
            IntensitySummary.Write(run.Stdout, result, folder.Destination);
            return Task.FromResult(ExitCodes.Conclude(run.Stdout, result.HasFailures, result.Issues));
        });
        return command;
    }
}
