using System.CommandLine;
using ParkGis.Cli.Rendering;
using ParkGis.Core.Conflicts;
using ParkGis.Core.Data;
using ParkGis.Core.Industry;
using ParkGis.Core.Infrastructure;
using ParkGis.Core.Intensity;
using ParkGis.Core.Scorecard;
using ParkGis.IO.Configuration;
using ParkGis.IO.Datasets;
using ParkGis.IO.Intensity;
using ParkGis.IO.Output;

namespace ParkGis.Cli.Commands;

/// <summary><c>parkgis scorecard DATASET --out DIR [--year Y] [--rules FILE] [--overwrite]</c>: the annual park scorecard.</summary>
internal static class ScorecardCommand
{
    /// <summary>Files the command writes into DIR.</summary>
    public static IReadOnlyList<string> OutputFiles { get; } = ["scorecard.json", "scorecard.csv"];

    /// <summary>Builds the command.</summary>
    public static Command Build()
    {
        var dataset = CommonOptions.DatasetArgument();
        var output = CommonOptions.OutOption();
        var overwrite = CommonOptions.OverwriteOption();
        var rules = InfrastructureCommand.RulesOption();
        var year = AsOfOption.AcceptOnlyAnalysableYears(new Option<int?>("--year")
        {
            Description = "Economics year to score (output, leading-industry share); default: the latest year in economics.csv.",
            HelpName = "Y",
        });
        var asOf = AsOfOption.BuildOptional(
            "As-of date for the supply rate over the window and the idle land (default: 31 December of the scored year).");
        var command = new Command(
            "scorecard",
            "Score and rank every park (园区年度考核): conflicts with the control lines, supply, idle land, 亩均 output and tax, 标准地, "
            + "leading-industry share, 九通 coverage; weights from the rules file, indicators that cannot be computed are excluded and the "
            + "weights renormalised. Writes DIR/scorecard.json and DIR/scorecard.csv (UTF-8 with BOM, for Excel). Exit 0: scored, "
            + "2: usage error, 3: unusable input.\n\nExample:\n  parkgis scorecard sample-geodata/ordos --out out --year 2025")
        {
            dataset, output, year, asOf, rules, overwrite,
        };
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var progress = new StderrProgress(parse.InvocationConfiguration.Error);
            var loaded = ScorecardRulesFile.Load(parse.GetValue(rules));
            var path = parse.GetRequiredValue(dataset);
            using var folder = OutputFolder.Begin(parse.GetRequiredValue(output), OutputFiles, parse.GetValue(overwrite), DatasetSource.Inputs(path, parse.GetValue(rules)));
            var data = DatasetSource.ReadFolder(path, progress);
            var profiles = DatasetParkProfiles.Load(path, data);
            var settings = IntensitySettings.Load(path);
            var economicsIssues = new List<DataIssue>();
            var economicsTable = EconomicsTableReader.ReadFrom(path, settings, economicsIssues);
            var economics = (economicsTable?.Rows ?? [])
                .Where(r => r.ParcelId is not null && r.OutputWan is not null)
                .Select(r => new ParkGis.Core.Industry.EconomicsRecord(r.ParcelId!, r.Year, r.OutputWan!.Value))
                .ToList();

            var conflicts = new ConflictCheck(ConflictCheckOptions.Default, progress).Check(data);
            var infrastructure = new InfrastructureCheck(loaded.Infrastructure, progress).Check(data, profiles);
            progress.Report("leading-industry share");
            var leading = new LeadingIndustryAnalysis(loaded.LeadingIndustry with { Year = parse.GetValue(year) }).Analyze(data, profiles, economics);

            var parkIds = conflicts.Parks.Select(p => p.ParkId).ToList();
            var land = LandStatusRun.For(data, AsOfOption.OptionalValue(parse, asOf) ?? LandStatusRun.YearEnd(parse.GetValue(year) ?? leading.Year), progress);
            var intensity = new IntensityAnalysis(
                    IntensityOptions.Default with { Year = parse.GetValue(year) ?? leading.Year, CodeList = settings.CodeList },
                    progress)
                .Analyze(data, economicsTable, land.Idle is { } judged ? LandStatusFromSupply.From(land.Supply, judged) : null);
            var values = IndicatorSources.FromConflicts(conflicts)
                .Concat(IndicatorSources.FromInfrastructure(infrastructure))
                .Concat(IndicatorSources.FromLeadingIndustry(leading))
                .Concat(land.Supply is { } supply
                    ? IndicatorSources.FromSupply(supply)
                    : IndicatorSources.NotComputable(parkIds, [ScorecardIndicators.SupplyRate], land.Missing ?? "the supply results"))
                .Concat(land.Idle is { } idle
                    ? IndicatorSources.FromIdle(idle, parkIds)
                    : IndicatorSources.NotComputable(parkIds, [ScorecardIndicators.IdleRate, ScorecardIndicators.IdleFeesWan], land.Missing ?? "the idle results"))
                .Concat(IndicatorSources.FromIntensity(intensity));
            var scorecard = ScorecardEngine.Score(conflicts.Parks.Select(p => new ScorecardPark(p.ParkId, p.Name)).ToList(), values, loaded, leading.Year);
            var issues = conflicts.Issues.Concat(infrastructure.Issues).Concat(economicsIssues).Concat(leading.Issues)
                .Concat(land.Supply?.Issues ?? []).Concat(land.Idle?.Issues ?? []).Concat(intensity.Issues)
                .Distinct().ToList();

            progress.Report("writing results");
            ScorecardJsonWriter.Write(folder.PathOf("scorecard.json"), scorecard, leading, issues);
            ScorecardCsvWriter.Write(folder.PathOf("scorecard.csv"), scorecard);
            folder.Commit();
            ScorecardSummary.Write(stdout, scorecard, leading, folder.Destination);
            return ExitCodes.Conclude(stdout, findings: false, issues);
        });
        return command;
    }
}
