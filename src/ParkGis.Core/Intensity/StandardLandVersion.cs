namespace ParkGis.Core.Intensity;

/// <summary>
/// A set of 标准地 / 控制指标 thresholds in force from a date (docs/rules.md#standard-land-contract-date): a parcel is
/// judged on the versions in force on its supply (contract) date, optionally only for one park or industry.
/// </summary>
/// <param name="From">In force for land supplied on or after this date.</param>
/// <param name="Name">Its name with the document (<c>控制指标（国土资发〔2008〕24号）</c>).</param>
/// <param name="Regime"><c>控制指标</c> or <c>标准地</c>.</param>
/// <param name="Thresholds">The thresholds it sets; null members keep the value of the versions before it.</param>
/// <param name="ParkId">The park it applies to, or null for every park.</param>
/// <param name="Industry">The industry (产业) it applies to, or null for every industry.</param>
public sealed record StandardLandVersion(DateOnly From, string Name, string Regime, StandardLandThresholds Thresholds, string? ParkId = null, string? Industry = null)
{
    /// <summary>The regime of the national control indicators.</summary>
    public const string ControlIndicators = "控制指标";

    /// <summary>The regime of 标准地 supply.</summary>
    public const string StandardLand = "标准地";

    /// <summary>
    /// The defaults: the 2008 control indicators from 2008-01-01, and 标准地 from 2022-10-08 (鄂府办发〔2022〕141号) with
    /// no thresholds of its own until a bureau enters them.
    /// </summary>
    public static IReadOnlyList<StandardLandVersion> Defaults { get; } =
    [
        new(new DateOnly(2008, 1, 1), "控制指标（国土资发〔2008〕24号）", ControlIndicators, new StandardLandThresholds()),
        new(new DateOnly(2022, 10, 8), "标准地（鄂府办发〔2022〕141号）", StandardLand, new StandardLandThresholds()),
    ];

    /// <summary>Whether the version applies to a parcel of <paramref name="parkId"/> and <paramref name="industry"/>.</summary>
    public bool AppliesTo(string? parkId, string? industry) =>
        (ParkId is null || string.Equals(ParkId, parkId, StringComparison.Ordinal))
        && (Industry is null || string.Equals(Industry, industry, StringComparison.Ordinal));
}
