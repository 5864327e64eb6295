namespace ParkGis.Cli.Tests;

/// <summary>
/// Every command takes a <c>pg:</c> dataset, and no message ever shows its password: the database is unreachable here
/// (port 1), so each command fails with PG0501 — and says so without the secret, whatever the form of the string.
/// </summary>
public sealed class CredentialTests
{
    private const string Secret = "Zq7-Secret-Pass";

    private static readonly string Dataset = $"pg:Host=127.0.0.1;Port=1;Database=gis;Username=me;Password={Secret};Timeout=3;Schema=ordos";

    public static TheoryData<string[]> EveryCommandOnAPgDataset => new()
    {
        { ["check", Dataset, "--out", "OUT"] },
        { ["check", Dataset, "--engine", "postgis", "--out", "OUT"] },
        { ["info", Dataset] },
        { ["info", Dataset, "--format", "json"] },
        { ["supply", Dataset, "--as-of", "2026-06-30", "--out", "OUT"] },
        { ["idle", Dataset, "--as-of", "2026-06-30", "--out", "OUT"] },
        { ["intensity", Dataset, "--out", "OUT"] },
        { ["infrastructure", Dataset, "--out", "OUT"] },
        { ["scorecard", Dataset, "--out", "OUT"] },
        { ["export", Dataset, "--out", "OUT"] },
        { ["report", Dataset, "--out", "OUT"] },
        { ["boundary-points", Dataset, "--park", "P01", "--out", "OUT"] },
        { ["import", Dataset, "--to", Dataset.Replace("Schema=ordos", "Schema=copy", StringComparison.Ordinal)] },
        { ["import", "SAMPLE", "--to", Dataset] },
        { ["check", "SAMPLE", "--out", "OUT", "--write", Dataset] },
    };

    [Theory]
    [MemberData(nameof(EveryCommandOnAPgDataset))]
    public void An_unreachable_pg_dataset_is_PG0501_and_the_password_is_never_printed(string[] template)
    {
        var output = RepositoryPaths.NewTempFolder();
        var args = template.Select(a => a switch { "OUT" => output, "SAMPLE" => RepositoryPaths.OrdosSample, _ => a }).ToArray();

        var run = CliRun.Of(args);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("error PG0501", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, run.Stdout + run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("folder", run.Stderr, StringComparison.Ordinal); // a pg: dataset is never taken for a folder
        Assert.False(Directory.Exists(output), run.ToString());
    }

    [Theory]
    [InlineData("Password")]
    [InlineData("PASSWORD")]
    [InlineData("Pwd")]
    public void A_usage_error_that_echoes_the_argument_masks_the_password(string key)
    {
        var dataset = Dataset.Replace("Password=", key + "=", StringComparison.Ordinal);

        var run = CliRun.Of("idle", dataset, "an-extra-argument", "--as-of", "2026-06-30", "--out", RepositoryPaths.NewTempFolder());

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.DoesNotContain(Secret, run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Host=h;Password=\"a;b Zq7-Secret-Pass\";Database=d", "Zq7-Secret-Pass")]
    [InlineData("Host=h;SSL Password=Zq7-Secret-Pass;Database=d", "Zq7-Secret-Pass")]
    [InlineData("Host=h;Pwd=short;Database=d", "Pwd=short")]
    public void Quoted_and_other_password_keys_are_masked_in_any_line(string connection, string secret)
    {
        var redaction = CredentialRedaction.For(["check", "--write=pg:" + connection]);

        var line = redaction.Apply($"error: cannot use pg:{connection}, normalised as {connection.Replace("Host=h;", "Host=h; ", StringComparison.Ordinal)}\n");

        Assert.DoesNotContain(secret, line, StringComparison.Ordinal);
        Assert.Contains("***", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_without_credentials_is_left_alone_even_when_a_short_password_is_a_common_word()
    {
        var redaction = CredentialRedaction.For(["info", "pg:Host=h;Password=parkgis;Schema=s"]);

        Assert.Equal("parkgis: [  0.1s] read parks from s.parks\n", redaction.Apply("parkgis: [  0.1s] read parks from s.parks\n"));
        Assert.Equal("pg:Host=h;Password=***;Schema=s\n", redaction.Apply("pg:Host=h;Password=parkgis;Schema=s\n"));
    }
}
