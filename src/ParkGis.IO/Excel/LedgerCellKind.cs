namespace ParkGis.IO.Excel;

/// <summary>What the cells of a ledger column (台账列) hold, and so how a workbook stores them.</summary>
public enum LedgerCellKind
{
    /// <summary>Text, neutralised against formula injection; ids stay text (<c>007</c> is not 7).</summary>
    Text,

    /// <summary>A decimal number, stored as a number cell.</summary>
    Number,

    /// <summary>A whole number (counts, days, ranks), stored as a number cell without decimals.</summary>
    Integer,

    /// <summary>A share 0–1, stored as a number cell shown as a percentage.</summary>
    Percent,

    /// <summary>A calendar date, stored as a date cell (<c>yyyy-mm-dd</c>).</summary>
    Date,
}
