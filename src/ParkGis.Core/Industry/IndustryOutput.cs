namespace ParkGis.Core.Industry;

/// <summary>The output of one industry in a park or block.</summary>
/// <param name="Industry">The industry (产业) as the parcels name it; <c>未注明</c> for parcels without one.</param>
/// <param name="OutputWan">Output (产值) in 万元.</param>
/// <param name="Leading">Whether it is one of the leading industries (主导产业).</param>
public sealed record IndustryOutput(string Industry, double OutputWan, bool Leading);
