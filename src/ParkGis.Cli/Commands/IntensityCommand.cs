using System.CommandLine;
using ParkGis.Cli.Localization;
using ParkGis.Cli.Rendering;
using ParkGis.Core.Data;
using ParkGis.Core.Intensity;
using ParkGis.Core.Publishing;
using ParkGis.IO.Configuration;
using ParkGis.IO.Excel;
using ParkGis.IO.Intensity;
using ParkGis.IO.Output;

namespace ParkGis.Cli.Commands;

/// <summary><c>parkgis intensity DATASET --out DIR [--year Y] [--baseline-year 2021] [--rules FILE] [--as-of DATE] [--fix] [--overwrite]</c>.</summary>
internal static class IntensityCommand
{
    /// <summary>Files the command writes into DIR.</summary>
    public static IReadOnlyList<string> OutputFiles { get; } =
        ["intensity.json", "intensity_parcels.csv", "intensity_parks.csv", "intensity.geojson", "intensity.xlsx"];

    /// <summary>Builds the command.</summary>
    public static Command Build()
    {
        var dataset = CommonOptions.DatasetArgument();
        var output = CommonOptions.OutOption();
        var overwrite = CommonOptions.OverwriteOption();
        var year = AsOfOption.AcceptOnlyAnalysableYears(new Option<int?>("--year") { Description = Text.Get("IntensityYearOption"), HelpName = "Y" });
        var baseline = AsOfOption.AcceptOnlyAnalysableYears(new Option<int>("--baseline-year")
        {
            Description = Text.Get("BaselineYearOption"),
            DefaultValueFactory = _ => IntensityOptions.Default.BaselineYear,
            HelpName = "Y",
        });
        var asOf = AsOfOption.BuildOptional(
            Text.Get("IntensityAsOfOption"));
        var rules = CommonOptions.RulesOption();
        var fix = CommonOptions.FixOption();

        var format = CommonOptions.GisFormatOption();
        var xlsx = CommonOptions.XlsxOption();
        var command = new Command(
            "intensity",
            Text.Get("IntensityCommand"))
        {
            dataset, output, year, baseline, rules, asOf, fix, overwrite, format, xlsx,
        };
        CommandRun.SetAction(command, (parse, run) =>
        {
            run.UseFormat(parse.GetValue(format));
            var ruleSet = RulesFile.Load(parse.GetValue(rules));
            using var folder = run.BeginOutput(parse.GetRequiredValue(output), OutputFiles, parse.GetValue(overwrite), DatasetSource.Inputs(parse.GetRequiredValue(dataset), parse.GetValue(rules)));
            var assessment = run.Assess(parse.GetRequiredValue(dataset), parse.GetValue(fix), DatasetScope.Intensity, ruleSet);

            // 土地供应率, 土地建成率 and 土地闲置率 come from the supply and idle results on the as-of date (default: 31 December of the year).
            var options = new IntensityOptions(parse.GetValue(year), parse.GetValue(baseline), ruleSet.Intensity);
            var result = assessment.Intensity(options, AsOfOption.OptionalValue(parse, asOf));
            run.Progress.Report(Text.Get("ProgressWritingResults"));
            var json = folder.PathOf("intensity.json");
            var parcelTable = folder.PathOf("intensity_parcels.csv");
            var parkTable = folder.PathOf("intensity_parks.csv");
            ConcurrentWrites.Run(
                () => run.WriteLayer(folder, IntensityResults.Parcels(result, assessment.Layer(LayerRole.Parcels)!.Crs)),
                () => IntensityJsonWriter.Write(json, result),
                () =>
                {
                    IntensityTablesWriter.WriteParcels(parcelTable, result);
                    IntensityTablesWriter.WriteParks(parkTable, result);
                });
            if (parse.GetValue(xlsx))
            {
                run.WriteWorkbook(folder, "intensity.xlsx", Text.Get("LedgerIntensity"), parse.GetRequiredValue(dataset), result.AsOf, parse.GetValue(rules),
                    IntensityLedgers.Of(result), result.Issues,
                    [(Text.Get("LedgerYear"), result.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Text.Get("LedgerNoEconomics")),
                     (Text.Get("LedgerBaselineYear"), result.BaselineYear.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
            }
            return run.PrintAndCommit(folder,
                stdout => IntensitySummary.Write(stdout, result),
                stdout =>
                {
                    folder.WriteResultsLine(stdout, "intensity.json", "intensity_parcels.csv", "intensity_parks.csv", "intensity.geojson");
                    return ExitCodes.Conclude(stdout, result.HasFailures, result.Issues);
                });
        });
        return command;
    }
}
