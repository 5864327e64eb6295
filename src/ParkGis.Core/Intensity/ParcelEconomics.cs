using ParkGis.Core.Data;
using ParkGis.Core.Localization;

namespace ParkGis.Core.Intensity;

/// <summary>
/// The economics rows of one year attached to the analysed parcels (经济指标归属) — the one rule every analysis
/// that uses output, tax or investment follows: a row keyed by parcel goes to that parcel; a row keyed by enterprise
/// only is shared among the enterprise's parcels in proportion to their measured area; rows of one parcel are
/// summed. A row naming a parcel that was not analysed (not in the layer, or left out for its geometry) or an
/// enterprise that owns none is left out with an <c>unknown_parcel</c> issue.
/// </summary>
public sealed class ParcelEconomics
{
    private ParcelEconomics(int year, IReadOnlyDictionary<string, EconomicsRecord> byParcel, IReadOnlyList<DataIssue> issues)
    {
        Year = year;
        ByParcel = byParcel;
        Issues = issues;
    }

    /// <summary>The year attached.</summary>
    public int Year { get; }

    /// <summary>Parcel id → the summed figures of the year.</summary>
    public IReadOnlyDictionary<string, EconomicsRecord> ByParcel { get; }

    /// <summary>The rows left out, as data issues in row order.</summary>
    public IReadOnlyList<DataIssue> Issues { get; }

    /// <summary>One analysed parcel: its id, enterprise (企业, or null) and measured area in m².</summary>
    /// <param name="Id">The parcel id.</param>
    /// <param name="Enterprise">The enterprise using it, or null.</param>
    /// <param name="AreaM2">Its planar area in its analysis CRS.</param>
    public sealed record Parcel(string Id, string? Enterprise, double AreaM2);

    /// <summary>Attaches the rows of <paramref name="year"/>.</summary>
    public static ParcelEconomics Attach(EconomicsTable table, int year, IReadOnlyList<Parcel> parcels)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(parcels);
        var issues = new List<DataIssue>();
        var known = parcels.GroupBy(p => p.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var byEnterprise = parcels.Where(p => p.Enterprise is not null).GroupBy(p => p.Enterprise!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var result = new Dictionary<string, EconomicsRecord>(StringComparer.Ordinal);
        foreach (var row in table.Rows.Where(r => r.Year == year))
        {
            if (row.ParcelId is { } parcelId)
            {
                if (!known.ContainsKey(parcelId))
                {
                    issues.Add(new DataIssue(table.Source, $"#{row.Row}", DataIssueCodes.UnknownParcel,
                        Localized.Format("EconomicsRowUnknownParcel", row.Row, parcelId)));
                    continue;
                }

                result[parcelId] = Add(result.GetValueOrDefault(parcelId), row with { ParcelId = parcelId }, 1);
            }
            else if (row.Enterprise is { } enterprise && byEnterprise.TryGetValue(enterprise, out var owned))
            {
                var total = owned.Sum(p => p.AreaM2);
                foreach (var parcel in owned)
                {
                    var share = total > 0 ? parcel.AreaM2 / total : 1.0 / owned.Count;
                    result[parcel.Id] = Add(result.GetValueOrDefault(parcel.Id), row with { ParcelId = parcel.Id }, share);
                }
            }
            else
            {
                issues.Add(new DataIssue(table.Source, $"#{row.Row}", DataIssueCodes.UnknownParcel,
                    Localized.Format("EconomicsRowUnknownEnterprise", row.Row, row.Enterprise ?? Localized.Get("None"))));
            }
        }

        return new ParcelEconomics(year, result, issues);
    }

    /// <summary>The sum of two records' figures, the second weighted by <paramref name="share"/>; a figure missing from both stays null.</summary>
    public static EconomicsRecord Add(EconomicsRecord? sum, EconomicsRecord row, double share)
    {
        ArgumentNullException.ThrowIfNull(row);
        static double? Plus(double? a, double? b, double share) => b is { } v ? (a ?? 0) + (v * share) : a;
        var start = sum ?? new EconomicsRecord(row.Row, row.ParcelId, row.Enterprise, row.Year);
        return start with
        {
            OutputWan = Plus(start.OutputWan, row.OutputWan, share),
            RevenueWan = Plus(start.RevenueWan, row.RevenueWan, share),
            TaxWan = Plus(start.TaxWan, row.TaxWan, share),
            ValueAddedWan = Plus(start.ValueAddedWan, row.ValueAddedWan, share),
            FixedInvestmentWan = Plus(start.FixedInvestmentWan, row.FixedInvestmentWan, share),
            EnergyTce = Plus(start.EnergyTce, row.EnergyTce, share),
            EmissionsT = Plus(start.EmissionsT, row.EmissionsT, share),
            Employees = Plus(start.Employees, row.Employees, share),
            RdWan = Plus(start.RdWan, row.RdWan, share),
            ElectricityKwh = Plus(start.ElectricityKwh, row.ElectricityKwh, share),
        };
    }
}
