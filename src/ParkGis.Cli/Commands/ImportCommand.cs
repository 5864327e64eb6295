using System.CommandLine;
using System.Globalization;
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
            Description = "Target database: pg:<Npgsql connection string>[;Schema=name].",
            Required = true,
            HelpName = "pg:…",
        };
        to.Validators.Add(result =>
        {
            if (!PgDatasetName.IsDatabase(result.GetValueOrDefault<string>() ?? string.Empty))
            {
                result.AddError("--to must be a pg: connection string, e.g. pg:Host=localhost;Database=gis;Username=me;Password=secret.");
            }
        });
        var schema = new Option<string?>("--schema") { Description = "Schema to create the tables in (overrides Schema= of --to; default public).", HelpName = "NAME" };
        var overwrite = new Option<bool>("--overwrite") { Description = "Replace the dataset's tables when they exist already." };
        var command = new Command(
            "import",
            "Copy a dataset into a PostGIS schema: one table per layer named by role, binary COPY, SRID kept, GiST indexes, ANALYZE, "
            + "all in one transaction (a failure leaves the schema as it was). Exit 0: imported, 2: usage error, 3: unusable input or database.\n\n"
            + "Example:\n  parkgis import sample-geodata/ordos --to \"pg:Host=localhost;Database=gis;Username=me;Password=secret\" --schema ordos")
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
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{target.Schema}.{table.Role}  {table.Rows} rows  EPSG:{table.Srid}  from {table.Source}"));
            }

            stdout.WriteLine($"imported {tables.Count} tables into {target.DisplayName}");
            foreach (var issue in content.Dataset.Issues)
            {
                run.Stderr.WriteLine($"warning [{issue.Code}] {Rendering.IssueLocation.Of(issue)}: {issue.Message}");
            }

            return Task.FromResult(ExitCodes.Of(findings: false, content.Dataset.Issues));
        });
        return command;
    }
}
