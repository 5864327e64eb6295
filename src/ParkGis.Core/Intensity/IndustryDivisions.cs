namespace ParkGis.Core.Intensity;

/// <summary>
/// Industries as GB/T 4754 divisions (行业大类) and the 容积率 minimum of each division in table 2 of the 2008
/// control indicators (docs/rules.md#standard-land-plot-ratio).
/// </summary>
public static class IndustryDivisions
{
    /// <summary>The default mapping of the sample's industry names to divisions (our reading; to be confirmed per project).</summary>
    public static IReadOnlyDictionary<string, string> DefaultCodes { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["煤化工"] = "25",
        ["现代煤化工"] = "26",
        ["天然气化工"] = "26",
        ["新材料"] = "26",
        ["装备制造"] = "35",
        ["光伏"] = "39",
        ["氢能"] = "26",
    };

    /// <summary>容积率 minima by division (国土资发〔2008〕24号 表2, as reprinted).</summary>
    public static IReadOnlyDictionary<string, double> PlotRatioMinimum { get; } = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["25"] = 0.5,
        ["26"] = 0.6,
        ["30"] = 1.0,
        ["31"] = 0.7,
        ["32"] = 0.6,
        ["33"] = 0.6,
        ["34"] = 0.7,
        ["35"] = 0.7,
        ["36"] = 0.7,
        ["37"] = 0.7,
        ["39"] = 0.7,
        ["40"] = 1.0,
    };

    /// <summary>The division of a parcel: its <c>industry_code</c> (first two digits), else its industry mapped.</summary>
    public static string? Of(string? industryCode, string? industry, IReadOnlyDictionary<string, string> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        if (industryCode?.Trim() is { Length: >= 2 } code && char.IsAsciiDigit(code[0]) && char.IsAsciiDigit(code[1]))
        {
            return code[..2];
        }

        return industry is not null && codes.TryGetValue(industry, out var mapped) ? mapped : null;
    }
}
