using System.CommandLine;
using ParkGis.Cli.Rendering;
using ParkGis.Core.Publishing;
using ParkGis.Core.Supply;
using ParkGis.IO.Output;

namespace ParkGis.Cli.Commands;

/// <summary><c>parkgis supply DATASET --as-of DATE --out DIR [--window-years 5] [--fix] [--overwrite]</c>.</summary>
internal static class SupplyCommand
{
    /// <summary>Files the command writes into DIR.</summary>
    public static IReadOnlyList<string> OutputFiles { get; } = ["supply.json", "unsupplied.geojson", "unapproved_supply.geojson", "supply_batches.csv"];

    /// <summary>Builds the command.</summary>
    public static Command Build()
    {
        var dataset = CommonOptions.DatasetArgument();
        var output = CommonOptions.OutOption();
        var overwrite = CommonOptions.OverwriteOption();
        var asOf = AsOfOption.Build();
        var fix = CommonOptions.FixOption();
        var windowYears = new Option<int>("--window-years")
        {
            Description = "Calendar years before the as-of year whose batches make the supply-rate window (national yardstick: 5 years, 60 %).",
            DefaultValueFactory = _ => SupplyLedgerOptions.Default.WindowYears,
            HelpName = "N",
        };
        windowYears.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 100)
            {
                result.AddError("--window-years must be a whole number of years from 1 to 100.");
            }
        });

        var format = CommonOptions.GisFormatOption();
        var command = new Command(
            "supply",
            "Land supply ledger (批供台账): per approval batch, park and banner the approved (批), supplied (供) and approved-but-unsupplied "
            + "(批而未供) area and the supply rate (供地率); the N-year window rate against the 60 % yardstick; land supplied outside every "
            + "batch (未批先供). Writes DIR/supply.json, DIR/unsupplied.geojson, DIR/unapproved_supply.geojson and DIR/supply_batches.csv. "
            + "Exit 0: window rate ≥ 60 % and no 未批先供, 1: window rate under 60 % or 未批先供 found, 2: usage error, 3: unusable input."
            + "\n\nExample:\n  parkgis supply sample-geodata/ordos --as-of 2026-06-30 --out out")
        {
            dataset, asOf, output, windowYears, fix, overwrite, format,
        };
        command.SetAction((parse, cancellation) =>
        {
            var run = new CommandRun(parse, cancellation);
            run.UseFormat(parse.GetValue(format));
            var date = AsOfOption.Value(parse, asOf);
            using var folder = run.BeginOutput(parse.GetRequiredValue(output), OutputFiles, parse.GetValue(overwrite), DatasetSource.Inputs(parse.GetRequiredValue(dataset)));
            var assessment = run.Assess(parse.GetRequiredValue(dataset), parse.GetValue(fix));
            var result = assessment.Supply(date, SupplyLedgerOptions.Default with { WindowYears = parse.GetValue(windowYears) });
            run.Progress.Report("writing results");
            SupplyJsonWriter.Write(folder.PathOf("supply.json"), result);
            run.WriteLayer(folder, SupplyResults.Unsupplied(result));
            run.WriteLayer(folder, SupplyResults.UnapprovedSupply(result));
            SupplyBatchCsvWriter.Write(folder.PathOf("supply_batches.csv"), result);
            run.Commit(folder);
            SupplySummary.Write(run.Stdout, result, folder.Destination);
            return Task.FromResult(ExitCodes.Conclude(run.Stdout, result.HasFindings, result.Issues));
        });
        return command;
    }
}
