using System.CommandLine;
using ParkGis.Cli.Localization;
using ParkGis.PostGis;

namespace ParkGis.Cli.Commands;

/// <summary>
/// <c>parkgis import DATASET --to pg:… [--schema NAME] [--overwrite] [--shards pg:…,pg:… [--shard-by banner|park|grid]]</c>:
/// copy a dataset into PostGIS, or spread it over shard servers with the <c>--to</c> server as coordinator.
/// </summary>
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
        var shards = new Option<string?>("--shards")
        {
            Description = Text.Get("ImportShardsOption"),
            HelpName = "pg:…,pg:…",
        };
        shards.Validators.Add(result =>
        {
            var list = ShardList(result.GetValueOrDefault<string?>());
            if (list.Count == 0 || list.Any(s => !PgDatasetName.IsDatabase(s)))
            {
                result.AddError(Text.Get("ImportShardsInvalid"));
            }
        });
        var shardBy = new Option<string>("--shard-by")
        {
            Description = Text.Get("ImportShardByOption"),
            DefaultValueFactory = _ => "banner",
        };
        shardBy.AcceptOnlyFromAmong("banner", "park", "grid");
        var command = new Command(
            "import",
            Text.Get("ImportCommand"))
        {
            dataset, to, schema, overwrite, shards, shardBy,
        };
        command.Validators.Add(result =>
        {
            if (result.GetResult(shardBy) is { Implicit: false } && result.GetValue(shards) is null)
            {
                result.AddError(Text.Get("ImportShardByNeedsShards"));
            }

            var servers = ShardList(result.GetValue(shards)).Select(s => Server(s[PgDatasetName.Prefix.Length..])).ToList();
            if (result.GetValue(to) is { } coordinator && PgDatasetName.IsDatabase(coordinator))
            {
                servers.Insert(0, Server(coordinator[PgDatasetName.Prefix.Length..]));
            }

            if (servers.Count != servers.Distinct(StringComparer.OrdinalIgnoreCase).Count())
            {
                result.AddError(Text.Get("ImportShardsDistinct"));
            }
        });
        CommandRun.SetAction(command, (parse, run) =>
        {
            var stdout = run.Stdout;
            var target = PgDatasetName.Parse(parse.GetRequiredValue(to));
            if (parse.GetValue(schema) is { } schemaName)
            {
                target = target.WithSchema(schemaName);
            }

            var content = run.Read(parse.GetRequiredValue(dataset));
            if (parse.GetValue(shards) is { } shardList)
            {
                var servers = ShardList(shardList).Select(PgDatasetName.Parse).ToList();
                var by = Enum.Parse<PgShardBy>(parse.GetRequiredValue(shardBy), ignoreCase: true);
                foreach (var (server, written) in PgShardedImporter.Import(content, target, servers, by, parse.GetValue(overwrite), run.Progress, run.Cancellation))
                {
                    foreach (var table in written)
                    {
                        stdout.WriteLine(Text.Format("ImportedShardTable", $"{server.Schema}.{table.Role}", table.Rows, table.Srid, table.Source, server.DisplayName));
                    }
                }

                stdout.WriteLine(Text.Format("ImportedShards", servers.Count, parse.GetRequiredValue(shardBy), target.DisplayName));
                foreach (var issue in content.Dataset.Issues)
                {
                    Rendering.WrappedLine.WriteIssue(run.Stderr, Text.Get("Warning") + " ", issue);
                }

                return ExitCodes.Of(findings: false, content.Dataset.Issues);
            }

            // Printed before the commit, as check --write pg prints its line: a stdout that fails rolls the import back.
            PgDatasetImporter.Import(content, target, parse.GetValue(overwrite), run.Progress, run.Cancellation, beforeCommit: tables =>
            {
                foreach (var table in tables)
                {
                    stdout.WriteLine(Text.Format("ImportedTable", $"{target.Schema}.{table.Role}", table.Rows, table.Srid, table.Source));
                }

                stdout.WriteLine(Text.Format("ImportedTables", tables.Count, target.DisplayName));
                stdout.Flush();
            });
            foreach (var issue in content.Dataset.Issues)
            {
                Rendering.WrappedLine.WriteIssue(run.Stderr, Text.Get("Warning") + " ", issue);
            }

            return ExitCodes.Of(findings: false, content.Dataset.Issues);
        });
        return command;
    }

    /// <summary>The pg: datasets of --shards: split at each comma that starts another <c>pg:</c> (a Host= list keeps its commas).</summary>
    private static List<string> ShardList(string? value) => value is null
        ? []
        : System.Text.RegularExpressions.Regex.Split(value, ",(?=\\s*pg:)", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1))
            .Select(s => s.Trim()).Where(s => s.Length > 0).ToList();

    /// <summary>Host, port and database of a connection string, to tell servers apart.</summary>
    private static string Server(string connectionString)
    {
        try
        {
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
            return $"{builder.Host}:{builder.Port}/{builder.Database}";
        }
        catch (ArgumentException)
        {
            return connectionString;
        }
    }
}
