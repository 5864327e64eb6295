using ParkGis.Core.Localization;

namespace ParkGis.Core.Scorecard;

/// <summary>
/// Scores and ranks parks from <see cref="ParkIndicatorValue"/>s. Each computable indicator with a weight scores
/// 0–100 under its <see cref="IndicatorRule"/>; the composite is the weighted mean over the computable ones (the
/// weights of the others are excluded and the rest renormalised — a missing indicator is neither 0 nor 100), and
/// every row says which share of the weight it rests on and what data each missing indicator needs. Ranks: by
/// composite (rounded to 1e-6) descending, equal composites share a rank, ties listed by park id (ordinal)
/// (docs/rules.md#scorecard-indicators).
/// </summary>
public static class ScorecardEngine
{
    /// <summary>Scores the parks.</summary>
    /// <param name="parks">The parks to score.</param>
    /// <param name="values">Indicator values; an indicator with no value for a park is reported as not computable.</param>
    /// <param name="rules">The rules.</param>
    /// <param name="year">The year scored, for the record.</param>
    public static ParkScorecard Score(IReadOnlyList<ScorecardPark> parks, IEnumerable<ParkIndicatorValue> values, ScorecardRules rules, int? year = null)
    {
        ArgumentNullException.ThrowIfNull(parks);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(rules);
        var byKey = new Dictionary<(string Park, string Indicator), ParkIndicatorValue>();
        foreach (var value in values)
        {
            byKey[(value.ParkId, value.Indicator)] = value;
        }

        var totalWeight = ScorecardIndicators.All.Sum(k => WeightOf(rules, k));
        var rows = new List<ScorecardRow>();
        foreach (var park in parks)
        {
            var cells = new List<(string Key, double? Value, double? Score, double Weight, string? Missing)>();
            foreach (var key in ScorecardIndicators.All)
            {
                var weight = WeightOf(rules, key);
                var input = byKey.GetValueOrDefault((park.ParkId, key))
                    ?? ParkIndicatorValue.NotComputable(park.ParkId, key, Localized.Get("NoAnalysisSupplied"));
                double? score = input.Value is { } v && weight > 0 ? rules.Indicators[key].Score(v) : null;
                cells.Add((key, input.Value, score, weight, input.Value is null ? input.Missing ?? Localized.Get("MissingUnknown") : null));
            }

            var usedWeight = cells.Where(c => c.Score is not null).Sum(c => c.Weight);
            double? composite = usedWeight > 0 ? cells.Where(c => c.Score is not null).Sum(c => c.Weight * c.Score!.Value) / usedWeight : null;
            var scoreCells = cells.Select(c => new ScorecardCell(c.Key, c.Value, c.Score, c.Weight, c.Score is not null ? c.Weight / usedWeight : 0, c.Missing)).ToList();
            rows.Add(new ScorecardRow(null, park.ParkId, park.Name, composite, totalWeight > 0 ? usedWeight / totalWeight : 0, scoreCells));
        }

        var ordered = rows
            .OrderBy(r => r.Composite is null ? 1 : 0)
            .ThenByDescending(r => r.Composite is { } c ? Math.Round(c, 6, MidpointRounding.AwayFromZero) : 0)
            .ThenBy(r => r.ParkId, StringComparer.Ordinal)
            .ToList();
        var ranked = new List<ScorecardRow>(ordered.Count);
        double? previous = null;
        var rank = 0;
        for (var i = 0; i < ordered.Count; i++)
        {
            var row = ordered[i];
            if (row.Composite is not { } composite)
            {
                ranked.Add(row);
                continue;
            }

            var rounded = Math.Round(composite, 6, MidpointRounding.AwayFromZero);
            if (previous != rounded)
            {
                rank = i + 1;
                previous = rounded;
            }

            ranked.Add(row with { Rank = rank });
        }

        return new ParkScorecard(year, rules, ranked);
    }

    private static double WeightOf(ScorecardRules rules, string key) =>
        rules.Indicators.TryGetValue(key, out var rule) ? Math.Max(0, rule.Weight) : 0;
}
