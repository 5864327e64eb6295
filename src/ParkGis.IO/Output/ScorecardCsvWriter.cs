using System.Text;
using ParkGis.Core.Scorecard;

namespace ParkGis.IO.Output;

/// <summary>Writes <c>scorecard.csv</c> for Excel: UTF-8 with BOM, CRLF, Chinese headers (<see cref="ScorecardTable"/>).</summary>
public static class ScorecardCsvWriter
{
    /// <summary>Writes the file.</summary>
    public static void Write(string path, ParkScorecard scorecard)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        var text = new StringBuilder();
        foreach (var row in new[] { ScorecardTable.Header() }.Concat(ScorecardTable.Rows(scorecard)))
        {
            text.Append(string.Join(",", row.Select(Quote))).Append("\r\n");
        }

        File.WriteAllText(path, text.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
    }

    private static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
}
