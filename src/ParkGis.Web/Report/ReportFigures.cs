using System.Globalization;
using System.Text.Json;
using ParkGis.Core.Supply;
using ParkGis.Web.Localization;

namespace ParkGis.Web.Report;

/// <summary>
/// The figures the report charts beside the map (统计图): each analysis the dataset allowed, or in
/// <see cref="Missing"/> why it is not there. The 三区三线 conflicts and the idle land by cause are read from the
/// published result layers (<see cref="ReportPage"/>), so they always agree with the map.
/// </summary>
public sealed record ReportFigures
{
    /// <summary>供地率 (5-year window and all time), or null when no supply ledger ran.</summary>
    public SupplyFigures? Supply { get; init; }

    /// <summary>亩均效益 per park with its grade, or null.</summary>
    public IntensityFigures? Intensity { get; init; }

    /// <summary>九通一平 per park, or null.</summary>
    public InfrastructureFigures? Infrastructure { get; init; }

    /// <summary>The scorecard ranking (年度考核), or null.</summary>
    public ScorecardFigures? Scorecard { get; init; }

    /// <summary>Why a figure is missing, keyed supply, idle, intensity, infrastructure, scorecard (Chinese, shown in its place).</summary>
    public IReadOnlyDictionary<string, string> Missing { get; init; } = new Dictionary<string, string>();

    internal void WriteTo(Utf8JsonWriter json)
    {
        if (Supply is { } supply)
        {
            json.WriteStartObject("supply");
            json.WriteNumber("window_years", supply.WindowYears);
            json.WriteNumber("yardstick", supply.Yardstick);
            Rate(json, "rate", supply.Rate);
            json.WriteStartObject("window");
            json.WriteString("from", Date(supply.WindowFrom));
            json.WriteString("to", Date(supply.WindowTo));
            Rate(json, "rate", supply.WindowRate);
            json.WriteEndObject();
            Rows(json, "parks", supply.Parks);
            Rows(json, "banners", supply.Banners);
            json.WriteBoolean("banners_have_window", supply.Banners.Any(b => b.WindowRate is not null));
            json.WriteEndObject();
        }

        if (Intensity is { } intensity)
        {
            json.WriteStartObject("intensity");
            json.WriteString("indicator", intensity.Indicator);
            json.WriteString("unit", intensity.Unit);
            Year(json, intensity.Year);
            json.WriteStartArray("parks");
            foreach (var park in intensity.Parks)
            {
                json.WriteStartObject();
                json.WriteString("park_id", park.ParkId);
                json.WriteString("name", park.Name);
                Rate(json, "value", park.Value);
                json.WriteStartObject("grades");
                foreach (var (grade, count) in park.Grades.OrderBy(g => g.Key, StringComparer.Ordinal))
                {
                    json.WriteNumber(grade, count);
                }

                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        if (Infrastructure is { } infrastructure)
        {
            json.WriteStartObject("infrastructure");
            json.WriteNumber("of", infrastructure.Parks.Count == 0 ? 0 : infrastructure.Parks.Max(p => p.Of));
            json.WriteStartArray("parks");
            foreach (var park in infrastructure.Parks)
            {
                json.WriteStartObject();
                json.WriteString("park_id", park.ParkId);
                json.WriteString("name", park.Name);
                json.WriteNumber("present", park.Present);
                json.WriteNumber("of", park.Of);
                json.WriteStartArray("missing");
                foreach (var network in park.Missing)
                {
                    json.WriteStringValue(network);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        if (Scorecard is { } scorecard)
        {
            json.WriteStartObject("scorecard");
            Year(json, scorecard.Year);
            json.WriteStartArray("parks");
            foreach (var park in scorecard.Parks)
            {
                json.WriteStartObject();
                if (park.Rank is { } rank)
                {
                    json.WriteNumber("rank", rank);
                }
                else
                {
                    json.WriteNull("rank");
                }

                json.WriteString("park_id", park.ParkId);
                json.WriteString("name", park.Name);
                Rate(json, "score", park.Score);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteStartObject("missing");
        foreach (var (key, reason) in Missing.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            json.WriteString(key, reason);
        }

        json.WriteEndObject();
    }

    private static void Rows(Utf8JsonWriter json, string name, IReadOnlyList<SupplyRateRow> rows)
    {
        json.WriteStartArray(name);
        foreach (var row in rows)
        {
            json.WriteStartObject();
            json.WriteString("id", row.Id);
            json.WriteString("name", row.Name);
            Rate(json, "rate", row.Rate);
            Rate(json, "window_rate", row.WindowRate);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void Rate(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            json.WriteNumber(name, Math.Round(v, 6, MidpointRounding.AwayFromZero));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void Year(Utf8JsonWriter json, int? year)
    {
        if (year is { } y)
        {
            json.WriteNumber("year", y);
        }
        else
        {
            json.WriteNull("year");
        }
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>供地率 for the chart: the N-year window (the rate the 60 % yardstick applies to) and all time.</summary>
/// <param name="WindowYears">N of the window (5).</param>
/// <param name="WindowFrom">First day of the window.</param>
/// <param name="WindowTo">Last day of the window.</param>
/// <param name="WindowRate">The window's rate over every batch approved in it (supply.json's <c>window.supply_rate</c>).</param>
/// <param name="Rate">All time, over every batch.</param>
/// <param name="Yardstick">The yardstick (0.6).</param>
/// <param name="Parks">Per park: all time and window.</param>
/// <param name="Banners">Per 旗区: all time, and the window over the batches of that 旗区 approved in it.</param>
public sealed record SupplyFigures(
    int WindowYears,
    DateOnly WindowFrom,
    DateOnly WindowTo,
    double? WindowRate,
    double? Rate,
    double Yardstick,
    IReadOnlyList<SupplyRateRow> Parks,
    IReadOnlyList<SupplyRateRow> Banners)
{
    /// <summary>
    /// The figures of a supply ledger. The window rate of a 旗区 groups the window's batches by the 旗区 each batch
    /// names (as the window itself sums batches); batches naming none are grouped under 旗区不详.
    /// </summary>
    public static SupplyFigures Of(SupplyLedgerResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var window = result.Window;
        var inWindow = result.ParksInWindow.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var parks = result.Parks
            .Select(p => new SupplyRateRow(p.Id, p.Name, p.SupplyRate, inWindow.TryGetValue(p.Id, out var w) ? w.SupplyRate : null))
            .ToList();
        var windowIds = window.BatchIds.ToHashSet(StringComparer.Ordinal);
        var windowByBanner = result.Batches
            .Where(b => windowIds.Contains(b.BatchId))
            .GroupBy(b => b.Banner.Length == 0 ? Localized.Get("ReportBannerUnknown") : b.Banner, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => SupplyRates.Of(g.Sum(b => b.SuppliedM2), g.Sum(b => b.ApprovedM2)), StringComparer.Ordinal);
        var banners = result.Banners
            .Select(b => new SupplyRateRow(b.Id, b.Name, b.SupplyRate, windowByBanner.GetValueOrDefault(b.Name)))
            .OrderBy(b => b.Name, StringComparer.Ordinal)
            .ToList();
        return new SupplyFigures(
            result.Options.WindowYears,
            window.From,
            window.To,
            window.SupplyRate,
            SupplyRates.Of(result.SuppliedM2, result.ApprovedM2),
            window.YardstickRate,
            parks,
            banners);
    }
}

/// <summary>One bar of the supply chart.</summary>
/// <param name="Id">park_id, or the 旗区 name.</param>
/// <param name="Name">Park or 旗区 name.</param>
/// <param name="Rate">All-time rate, or null when nothing was approved.</param>
/// <param name="WindowRate">Rate over the batches approved in the window, or null when none was.</param>
public sealed record SupplyRateRow(string Id, string Name, double? Rate, double? WindowRate);

/// <summary>亩均效益 per park.</summary>
/// <param name="Indicator">The indicator charted, in Chinese (亩均税收).</param>
/// <param name="Unit">Its unit (万元/亩).</param>
/// <param name="Year">The evaluated year, or null.</param>
/// <param name="Parks">Per park, in the analysis' order.</param>
public sealed record IntensityFigures(string Indicator, string Unit, int? Year, IReadOnlyList<IntensityRow> Parks);

/// <summary>One park's 亩均 value and its enterprises' grades.</summary>
/// <param name="ParkId">park_id.</param>
/// <param name="Name">Park name.</param>
/// <param name="Value">The value, or null when it cannot be computed.</param>
/// <param name="Grades">Graded enterprises per grade (A–D).</param>
public sealed record IntensityRow(string ParkId, string Name, double? Value, IReadOnlyDictionary<string, int> Grades);

/// <summary>九通一平 per park: how many of the required networks and the levelling (一平) are met.</summary>
/// <param name="Parks">Per park.</param>
public sealed record InfrastructureFigures(IReadOnlyList<InfrastructureRow> Parks);

/// <summary>One park's 九通一平.</summary>
/// <param name="ParkId">park_id.</param>
/// <param name="Name">Park name.</param>
/// <param name="Present">Items met (networks reaching the minimum coverage, levelling declared).</param>
/// <param name="Of">Items assessed (the required networks and 一平).</param>
/// <param name="Missing">The items not met or unknown, in Chinese.</param>
public sealed record InfrastructureRow(string ParkId, string Name, int Present, int Of, IReadOnlyList<string> Missing);

/// <summary>The scorecard ranking.</summary>
/// <param name="Year">The year scored, or null.</param>
/// <param name="Parks">By rank.</param>
public sealed record ScorecardFigures(int? Year, IReadOnlyList<ScoreRow> Parks);

/// <summary>One park's rank and total score.</summary>
/// <param name="Rank">1 = best; null when the park could not be ranked.</param>
/// <param name="ParkId">park_id.</param>
/// <param name="Name">Park name.</param>
/// <param name="Score">Total score, or null.</param>
public sealed record ScoreRow(int? Rank, string ParkId, string Name, double? Score);
