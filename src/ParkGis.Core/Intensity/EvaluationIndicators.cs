namespace ParkGis.Core.Intensity;

/// <summary>Names, Chinese names and required economics columns of the <see cref="EvaluationIndicator"/>s (docs/rules.md#grades-indicators).</summary>
public static class EvaluationIndicators
{
    /// <summary>Every indicator in output order.</summary>
    public static IReadOnlyList<EvaluationIndicator> All { get; } = Enum.GetValues<EvaluationIndicator>();

    /// <summary>The snake_case name used in rules files and output (<c>tax_per_mu</c>).</summary>
    public static string Name(EvaluationIndicator indicator) => indicator switch
    {
        EvaluationIndicator.TaxPerMu => "tax_per_mu",
        EvaluationIndicator.ValueAddedPerMu => "value_added_per_mu",
        EvaluationIndicator.ValueAddedPerEnergy => "value_added_per_energy",
        EvaluationIndicator.ValueAddedPerEmission => "value_added_per_emission",
        EvaluationIndicator.LabourProductivity => "labour_productivity",
        EvaluationIndicator.RdShare => "rd_share",
        _ => throw new ArgumentOutOfRangeException(nameof(indicator), indicator, null),
    };

    /// <summary>The Chinese name (亩均税收).</summary>
    public static string ChineseName(EvaluationIndicator indicator) => IntensityIndicatorNames.ChineseName(Name(indicator));

    /// <summary>The economics columns the indicator needs (land comes from the geometry).</summary>
    public static IReadOnlyList<string> Columns(EvaluationIndicator indicator) => indicator switch
    {
        EvaluationIndicator.TaxPerMu => ["tax_wan"],
        EvaluationIndicator.ValueAddedPerMu => ["value_added_wan"],
        EvaluationIndicator.ValueAddedPerEnergy => ["value_added_wan", "energy_tce"],
        EvaluationIndicator.ValueAddedPerEmission => ["value_added_wan", "emissions_t"],
        EvaluationIndicator.LabourProductivity => ["value_added_wan", "employees"],
        EvaluationIndicator.RdShare => ["rd_wan", "revenue_wan"],
        _ => throw new ArgumentOutOfRangeException(nameof(indicator), indicator, null),
    };

    /// <summary>Parses a snake_case name.</summary>
    public static bool TryParse(string? name, out EvaluationIndicator indicator)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(Name(candidate), name, StringComparison.Ordinal))
            {
                indicator = candidate;
                return true;
            }
        }

        indicator = default;
        return false;
    }
}
