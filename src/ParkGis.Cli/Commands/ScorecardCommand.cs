using System.CommandLine;
using ParkGis.Cli.Localization;
using ParkGis.Cli.Rendering;
using ParkGis.IO.Configuration;
using ParkGis.IO.Excel;
using ParkGis.IO.Output;

namespace ParkGis.Cli.Commands;

/// <summary><c>parkgis scorecard DATASET --out DIR [--year Y] [--as-of DATE] [--rules FILE] [--fix] [--overwrite]</c>: the annual park scorecard.</summary>
internal static class ScorecardCommand
{
    /// <summary>Files the command writes into DIR.</summary>
    public static IReadOnlyList<string> OutputFiles { get; } = ["scorecard.json", "scorecard.csv", "scorecard.xlsx"];

    /// <summary>Builds the command.</summary>
    public static Command Build()
    {
        var dataset = CommonOptions.DatasetArgument();
        var output = CommonOptions.OutOption();
        var overwrite = CommonOptions.OverwriteOption();
        var rules = CommonOptions.RulesOption();
        var fix = CommonOptions.FixOption();
        var xlsx = CommonOptions.XlsxOption();
        var year = AsOfOption.AcceptOnlyAnalysableYears(new Option<int?>("--year")
        {
            Description = Text.Get("ScorecardYearOption"),
            HelpName = "Y",
        });
        var asOf = AsOfOption.BuildOptional(
            Text.Get("ScorecardAsOfOption"));
        var command = new Command(
            "scorecard",
            Text.Get("ScorecardCommand"))
        {
            dataset, output, year, asOf, rules, fix, overwrite, xlsx,
        };
        CommandRun.SetAction(command, (parse, run) =>
        {
            var loaded = RulesFile.Load(parse.GetValue(rules));
            using var folder = run.BeginOutput(parse.GetRequiredValue(output), OutputFiles, parse.GetValue(overwrite), DatasetSource.Inputs(parse.GetRequiredValue(dataset), parse.GetValue(rules)));
            var scorecard = run.Assess(parse.GetRequiredValue(dataset), parse.GetValue(fix), rules: loaded)
                .Scorecard(loaded.Scorecard, parse.GetValue(year), AsOfOption.OptionalValue(parse, asOf));
            run.Progress.Report(Text.Get("ProgressWritingResults"));
            ScorecardJsonWriter.Write(folder.PathOf("scorecard.json"), scorecard);
            ScorecardCsvWriter.Write(folder.PathOf("scorecard.csv"), scorecard.Card, scorecard.Banners);
            if (parse.GetValue(xlsx))
            {
                run.WriteWorkbook(folder, "scorecard.xlsx", Text.Get("LedgerScorecard"), parse.GetRequiredValue(dataset), scorecard.AsOf, parse.GetValue(rules),
                    ScorecardLedgers.Of(scorecard.Card), scorecard.Issues,
                    [(Text.Get("LedgerYear"), scorecard.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Text.Get("LedgerNoEconomics"))]);
            }

            return run.PrintAndCommit(folder,
                stdout =>
                {
                    ScorecardSummary.Write(stdout, scorecard.Card, scorecard.LeadingIndustry, scorecard.Intensity, scorecard);
                    DataIssueCount.Write(stdout, scorecard.Issues, "scorecard.json");
                },
                stdout =>
                {
                    folder.WriteResultsLine(stdout, "scorecard.json", "scorecard.csv");
                    return ExitCodes.Conclude(stdout, findings: false, scorecard.Issues);
                });
        });
        return command;
    }
}
