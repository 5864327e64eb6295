namespace ParkGis.Core.Publishing;

/// <summary>A table of findings for the report (e.g. conflicts per park — 冲突统计表), already formatted as text.</summary>
/// <param name="Title">The table's heading.</param>
/// <param name="Columns">Column headings.</param>
/// <param name="Rows">Rows of cells, each as many as <paramref name="Columns"/>.</param>
public sealed record FindingsTable(string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows);
