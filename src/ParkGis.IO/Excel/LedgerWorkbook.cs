using ParkGis.Core.Data;

namespace ParkGis.IO.Excel;

/// <summary>
/// The workbook (台账工作簿) of one command: its ledgers, then a 说明 sheet saying what it was made from — the dataset,
/// the as-of date, the rules file, further facts of the run and every data issue.
/// </summary>
/// <param name="Title">What the workbook is (<c>闲置土地台账</c>).</param>
/// <param name="Dataset">The dataset as the user named it.</param>
/// <param name="AsOf">The as-of date (统计截止日期), or null when the command has none.</param>
/// <param name="RulesFile">The rules file of the run, or null for the built-in defaults.</param>
/// <param name="Sheets">The ledgers.</param>
/// <param name="Issues">The run's data issues.</param>
public sealed record LedgerWorkbook(
    string Title,
    string Dataset,
    DateOnly? AsOf,
    string? RulesFile,
    IReadOnlyList<LedgerSheet> Sheets,
    IReadOnlyList<DataIssue> Issues)
{
    /// <summary>Further facts for the 说明 sheet (统计年度, 供地率考核窗口 …), shown after the as-of date.</summary>
    public IReadOnlyList<(string Item, string Value)> Notes { get; init; } = [];
}
