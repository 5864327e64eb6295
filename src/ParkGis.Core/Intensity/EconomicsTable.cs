using ParkGis.Core.Data;

namespace ParkGis.Core.Intensity;

/// <summary>The economics table (经济指标表) of a dataset, read once by an adapter.</summary>
/// <param name="Source">Where it came from (<c>economics.csv</c>), for data issues.</param>
/// <param name="Columns">The canonical columns the table has (<c>output_wan</c>, <c>tax_wan</c> …), to say which are missing.</param>
/// <param name="Rows">The rows, in source order.</param>
public sealed record EconomicsTable(string Source, IReadOnlySet<string> Columns, IReadOnlyList<EconomicsRecord> Rows)
{
    /// <summary>Problems met while reading the table (rows left out, values not used), in row order.</summary>
    public IReadOnlyList<DataIssue> Issues { get; init; } = [];

    /// <summary>The latest year of the rows, or null for a table without rows.</summary>
    public int? LatestYear => Rows.Count > 0 ? Rows.Max(r => r.Year) : null;
}
