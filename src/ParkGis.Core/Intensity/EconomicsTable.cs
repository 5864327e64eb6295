namespace ParkGis.Core.Intensity;

/// <summary>The economics table of a dataset, read by an adapter and handed to <see cref="IntensityAnalysis"/>.</summary>
/// <param name="Source">Where it came from (<c>economics.csv</c>), for data issues.</param>
/// <param name="Columns">The canonical columns the table has (<c>output_wan</c>, <c>tax_wan</c> …), to say which are missing.</param>
/// <param name="Rows">The rows, in source order.</param>
public sealed record EconomicsTable(string Source, IReadOnlySet<string> Columns, IReadOnlyList<EconomicsRecord> Rows);
