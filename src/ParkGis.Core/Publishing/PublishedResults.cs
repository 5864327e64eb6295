namespace ParkGis.Core.Publishing;

/// <summary>Everything the analyses found, in the shape the exporter and the report publish.</summary>
/// <param name="Layers">Result layers, in display order.</param>
/// <param name="Tables">Findings tables, in display order.</param>
/// <param name="SupplyRates">Supply rate per park, or null when no supply analysis ran (the report then says "no supply data").</param>
/// <param name="HasFindings">True when any analysis found something (the commands exit 1).</param>
public sealed record PublishedResults(
    IReadOnlyList<ResultLayer> Layers,
    IReadOnlyList<FindingsTable> Tables,
    IReadOnlyList<ParkSupplyRate>? SupplyRates,
    bool HasFindings)
{
    /// <summary>Every data issue the analyses reported (the report's data-issue table), without repeats.</summary>
    public IReadOnlyList<Data.DataIssue> Issues { get; init; } = [];
}
