using System.CommandLine;
using System.Globalization;
using ParkGis.Cli.Localization;
using ParkGis.PostGis;

namespace ParkGis.Cli.Commands;

/// <summary><c>parkgis import DATASET --to pg:… [--schema NAME] [--overwrite]</c>: copy a dataset into PostGIS.</summary>
internal static class ImportCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Build()
    {
        var dataset = CommonOptions.DatasetArgument();
        var to = new Option<string>("--to")
        {
            Description = Text.Get("ImportToOption"),
            Required = true,
            HelpName = "pg:…",
        };
        to.Validators.Add(result =>
        {
            if (!PgDatasetName.IsDatabase(result.GetValueOrDefault<string>() ?? string.Empty))
            {
                result.AddError(Text.Get("ImportToInvalid"));
            }
        });
        var schema = new Option<string?>("--schema") { Description = Text.Get("ImportSchemaOption"), HelpName = "NAME" };
        var overwrite = new Option<bool>("--overwrite") { Description = Text.Get("ImportOverwriteOption") };
        var command = new Command(
            "import",
            Text.Get("ImportCommand"))
        {
            dataset, to, schema, overwrite,
        };
        command.SetAction((parse, cancellation) =>
        {
            var run = new CommandRun(parse, cancellation);
            var stdout = run.Stdout;
            var target = PgDatasetName.Parse(parse.GetRequiredValue(to));
            if (parse.GetValue(schema) is { } schemaName)
            {
                target = target.WithSchema(schemaName);
            }

            var content = run.Read(parse.GetRequiredValue(dataset));
            var tables = PgDatasetImporter.Import(content, target, parse.GetValue(overwrite), run.Progress, cancellation);
            foreach (var table in tables)
            {
                stdout.WriteLine(Text.Format("ImportedTable", $"{target.Schema}.{table.Role}", table.Rows, table.Srid, table.Source));
            }

            stdout.WriteLine(Text.Format("ImportedTables", tables.Count, target.DisplayName));
            foreach (var issue in content.Dataset.Issues)
            {
                run.Stderr.WriteLine($"{Text.Get("Warning")} [{issue.Code}] {Rendering.IssueLocation.Of(issue)}: {issue.Message}");
            }

            return Task.FromResult(ExitCodes.Of(findings: false, content.Dataset.Issues));
        });
        return command;
    }
}
