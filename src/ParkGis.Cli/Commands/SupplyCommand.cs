using System.CommandLine;
using ParkGis.Cli.Localization;
using ParkGis.Cli.Rendering;
using ParkGis.Core.Publishing;
using ParkGis.IO.Configuration;
using System.Globalization;
using ParkGis.Core.Data;
using ParkGis.IO.Excel;
using ParkGis.IO.Output;

namespace ParkGis.Cli.Commands;

/// <summary><c>parkgis supply DATASET --as-of DATE --out DIR [--window-years 5] [--rules FILE] [--fix] [--overwrite]</c>.</summary>
internal static class SupplyCommand
{
    /// <summary>Files the command writes into DIR.</summary>
    public static IReadOnlyList<string> OutputFiles { get; } = ["supply.json", "unsupplied.geojson", "unapproved_supply.geojson", "supply_batches.csv", "supply.xlsx"];

    /// <summary>Builds the command.</summary>
    public static Command Build()
    {
        var dataset = CommonOptions.DatasetArgument();
        var output = CommonOptions.OutOption();
        var overwrite = CommonOptions.OverwriteOption();
        var asOf = AsOfOption.Build();
        var fix = CommonOptions.FixOption();
        var rules = CommonOptions.RulesOption();
        var xlsx = CommonOptions.XlsxOption();
        var windowYears = new Option<int?>("--window-years")
        {
            Description = Text.Get("WindowYearsOption"),
            HelpName = "N",
        };
        windowYears.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1 or > 100)
            {
                result.AddError(Text.Get("WindowYearsInvalid"));
            }
        });

        var format = CommonOptions.GisFormatOption();
        var command = new Command(
            "supply",
            Text.Get("SupplyCommand"))
        {
            dataset, asOf, output, windowYears, rules, fix, overwrite, format, xlsx,
        };
        CommandRun.SetAction(command, (parse, run) =>
        {
            run.UseFormat(parse.GetValue(format));
            var date = AsOfOption.Value(parse, asOf);
            var loaded = RulesFile.Load(parse.GetValue(rules));
            if (parse.GetValue(windowYears) is { } years)
            {
                loaded = loaded with { Supply = loaded.Supply with { WindowYears = years } };
            }

            using var folder = run.BeginOutput(parse.GetRequiredValue(output), OutputFiles, parse.GetValue(overwrite), DatasetSource.Inputs(parse.GetRequiredValue(dataset), parse.GetValue(rules)));
            var assessment = run.Assess(parse.GetRequiredValue(dataset), parse.GetValue(fix), DatasetScope.Supply, loaded);
            var result = assessment.Supply(date);
            run.Progress.Report(Text.Get("ProgressWritingResults"));
            SupplyJsonWriter.Write(folder.PathOf("supply.json"), result);
            run.WriteLayer(folder, SupplyResults.Unsupplied(result));
            run.WriteLayer(folder, SupplyResults.UnapprovedSupply(result));
            SupplyBatchCsvWriter.Write(folder.PathOf("supply_batches.csv"), result);
            if (parse.GetValue(xlsx))
            {
                var window = result.Window;
                run.WriteWorkbook(folder, "supply.xlsx", Text.Get("LedgerSupply"), parse.GetRequiredValue(dataset), date, parse.GetValue(rules),
                    SupplyLedgers.Of(result, new SourceRecords(assessment.Layer(LayerRole.Approvals)), new SourceRecords(assessment.Layer(LayerRole.Parcels))),
                    result.Issues,
                    [(Text.Get("LedgerSupplyWindow"), Text.Format("LedgerSupplyWindowValue", window.From, window.To, result.Options.WindowYears, window.Batches)),
                     (Text.Get("LedgerWindowRate"), window.ApprovedM2 > 0 ? Text.Format("LedgerWindowRateValue", window.SuppliedM2 / window.ApprovedM2, window.YardstickRate) : Text.Get("LedgerNoBatches")),
                     (Text.Get("LedgerUnapproved"), Text.Format("LedgerUnapprovedValue", result.Unapproved.Count, JsonOutput.Round(Core.Measures.AreaUnits.ToMu(result.UnapprovedAreaM2)), result.UnapprovedSuppressed, result.Options.MinAreaM2))]);
            }

            return run.PrintAndCommit(folder,
                stdout => SupplySummary.Write(stdout, result),
                stdout =>
                {
                    folder.WriteResultsLine(stdout, "supply.json", "unsupplied.geojson", "unapproved_supply.geojson", "supply_batches.csv");
                    return ExitCodes.Conclude(stdout, result.HasFindings, result.Issues);
                });
        });
        return command;
    }
}
