namespace ParkGis.IO.Excel;

/// <summary>A column of a ledger sheet: its header as a bureau names it, with the unit (<c>面积（亩）</c>), and the kind of its cells.</summary>
/// <param name="Header">The header text.</param>
/// <param name="Kind">What the cells hold.</param>
/// <param name="Decimals">Decimals shown for <see cref="LedgerCellKind.Number"/> and <see cref="LedgerCellKind.Percent"/> cells; the stored value is not rounded by it.</param>
public sealed record LedgerColumn(string Header, LedgerCellKind Kind = LedgerCellKind.Text, int Decimals = 2)
{
    /// <summary>A text column.</summary>
    public static LedgerColumn Text(string header) => new(header);

    /// <summary>A number column showing <paramref name="decimals"/> decimals.</summary>
    public static LedgerColumn Number(string header, int decimals = 2) => new(header, LedgerCellKind.Number, decimals);

    /// <summary>A whole-number column.</summary>
    public static LedgerColumn Integer(string header) => new(header, LedgerCellKind.Integer, 0);

    /// <summary>A share column shown as a percentage.</summary>
    public static LedgerColumn Percent(string header) => new(header, LedgerCellKind.Percent, 2);

    /// <summary>A date column.</summary>
    public static LedgerColumn Date(string header) => new(header, LedgerCellKind.Date, 0);
}
