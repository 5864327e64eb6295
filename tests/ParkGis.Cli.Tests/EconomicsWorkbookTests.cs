using System.Globalization;
using ParkGis.IO.Excel;

namespace ParkGis.Cli.Tests;

/// <summary>The economics table read from a workbook through the one economics reader.</summary>
public sealed class EconomicsWorkbookTests
{
    /// <summary>Writes the sample's economics.csv as economics.xlsx (numbers as number cells) into <paramref name="folder"/>.</summary>
    private static void WriteWorkbook(string folder)
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.OrdosSample, "economics.csv"));
        var header = lines[0].TrimStart('\uFEFF').Split(',');
        var columns = header.Select(h => h is "parcel_id" or "enterprise" ? LedgerColumn.Text(h) : LedgerColumn.Number(h)).ToList();
        var rows = lines.Skip(1).Where(l => l.Length > 0).Select(l => (IReadOnlyList<object?>)l.Split(',').Select((cell, i) =>
            columns[i].Kind == LedgerCellKind.Text || cell.Length == 0 ? (object?)(cell.Length == 0 ? null : cell) : double.Parse(cell, CultureInfo.InvariantCulture)).ToList()).ToList();
        LedgerWorkbookWriter.Write(Path.Combine(folder, "economics.xlsx"), new LedgerWorkbook("economics", "test", null, null, [new LedgerSheet("economics", columns, rows)], []));
    }

    [Fact]
    public void Economics_from_an_xlsx_workbook_give_the_same_intensity_json_as_the_csv()
    {
        var fromCsv = RepositoryPaths.NewTempFolder();
        var csvRun = CliRun.Of("intensity", RepositoryPaths.OrdosSample, "--year", "2025", "--out", fromCsv);
        var data = SampleCopy.Make(name => name == "economics.csv");
        WriteWorkbook(data);
        var fromXlsx = RepositoryPaths.NewTempFolder();

        var xlsxRun = CliRun.Of("intensity", data, "--year", "2025", "--out", fromXlsx);

        Assert.True(xlsxRun.ExitCode == csvRun.ExitCode, xlsxRun.ToString());
        Assert.Equal(
            File.ReadAllText(Path.Combine(fromCsv, "intensity.json")),
            File.ReadAllText(Path.Combine(fromXlsx, "intensity.json")).Replace("economics.xlsx", "economics.csv", StringComparison.Ordinal));
    }

    [Fact]
    public void Attack_both_economics_csv_and_xlsx_in_the_dataset_is_refused_naming_both()
    {
        var data = SampleCopy.Make();
        WriteWorkbook(data);

        var run = CliRun.Of("intensity", data, "--year", "2025", "--out", RepositoryPaths.NewTempFolder());

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("PG0301", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("economics.csv", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("economics.xlsx", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Attack_a_corrupt_economics_workbook_is_unusable_input_not_a_crash()
    {
        var data = SampleCopy.Make(name => name == "economics.csv");
        File.WriteAllText(Path.Combine(data, "economics.xlsx"), "PK\u0003\u0004 this is not a zip archive");

        var run = CliRun.Of("intensity", data, "--year", "2025", "--out", RepositoryPaths.NewTempFolder());

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("PG0104", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("economics.xlsx", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Attack_an_excel_97_economics_xls_is_refused_naming_the_file_and_saying_save_it_as_xlsx()
    {
        var data = SampleCopy.Make(name => name == "economics.csv");
        File.WriteAllBytes(Path.Combine(data, "经济指标.xls"), [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0]);
        File.WriteAllText(Path.Combine(data, "parkgis.json"), "{ \"economics\": { \"source\": \"经济指标.xls\" } }");
        var output = RepositoryPaths.NewTempFolder();

        var run = CliRun.Of("--lang", "en", "intensity", data, "--year", "2025", "--out", output);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("PG0104", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("经济指标.xls", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("save it as .xlsx", run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any(), "nothing is written on a refusal");
    }

    [Fact]
    public void Attack_an_xls_renamed_to_economics_xlsx_is_refused_saying_save_it_as_xlsx()
    {
        var data = SampleCopy.Make(name => name == "economics.csv");
        File.WriteAllBytes(Path.Combine(data, "economics.xlsx"), [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 1, 2, 3, 4]);

        var run = CliRun.Of("--lang", "en", "intensity", data, "--year", "2025", "--out", RepositoryPaths.NewTempFolder());

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("PG0104", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("economics.xlsx", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("save it as .xlsx", run.Stderr, StringComparison.Ordinal);
    }
}
