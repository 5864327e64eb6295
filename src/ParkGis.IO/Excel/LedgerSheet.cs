namespace ParkGis.IO.Excel;

/// <summary>
/// One ledger (台账) of a workbook: a sheet with a header row and one row per record. A row holds one value per
/// column: <c>string</c> for text, <c>double</c>/<c>int</c>/<c>long</c> for numbers, <c>DateOnly</c> for dates, null
/// for an empty cell.
/// </summary>
/// <param name="Name">The sheet name (made legal for Excel by <see cref="SheetNames"/> when written).</param>
/// <param name="Columns">The columns.</param>
/// <param name="Rows">The rows, in ledger order.</param>
public sealed record LedgerSheet(string Name, IReadOnlyList<LedgerColumn> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows);
