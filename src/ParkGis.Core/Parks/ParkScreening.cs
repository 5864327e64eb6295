using ParkGis.Core.Analysis;
using ParkGis.Core.Data;
using ParkGis.Core.Errors;
using ParkGis.Core.Localization;

namespace ParkGis.Core.Parks;

/// <summary>
/// The parks (园区) an analysis can use, and what happens to the others — one rule for every command: a park whose
/// geometry cannot be analysed (empty, not a polygon, invalid without <c>--fix</c>) is a data issue
/// <c>park_not_analysed</c> besides the screening issue that says why, so that the run never exits 0; a parks layer
/// with no park that can be analysed (all unusable, or no feature at all) is unusable input (PG0112).
/// </summary>
public static class ParkScreening
{
    /// <summary>How many parks the PG0112 message names with their reasons.</summary>
    private const int ReasonsNamed = 5;

    /// <summary>Screens the parks layer (see <see cref="FeatureScreening"/>) and applies the rule above.</summary>
    /// <param name="parks">The parks layer.</param>
    /// <param name="repairInvalid">Repair invalid geometries instead of leaving them out (<c>--fix</c>).</param>
    /// <param name="issues">Receives the screening issues and one <c>park_not_analysed</c> per park left out.</param>
    /// <exception cref="UnusableInputException">No park of the layer can be analysed (PG0112).</exception>
    /// <param name="cancellation">Stops the screening when the run is cancelled.</param>
    public static IReadOnlyList<PolygonalFeature> Screen(Layer parks, bool repairInvalid, ICollection<DataIssue> issues, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(parks);
        ArgumentNullException.ThrowIfNull(issues);
        var found = new List<DataIssue>();
        var kept = FeatureScreening.Screen(parks, repairInvalid, found, cancellation);
        var usable = kept.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        Conclude(parks.Source, [.. parks.Features.Select(f => (f.Id, parks.Text(f, "name")))], usable, found, repairInvalid, issues);
        return kept;
    }

    /// <summary>
    /// The rule itself, for an engine that screens elsewhere (the SQL engine): adds the screening issues and one
    /// <c>park_not_analysed</c> per park not in <paramref name="usable"/>, or throws PG0112 when that is every park.
    /// </summary>
    /// <param name="source">The parks layer as people name it (<c>parks.shp</c>, <c>ordos.parks</c>).</param>
    /// <param name="parks">Every park's id and name, in layer order.</param>
    /// <param name="usable">The ids of the parks that can be analysed.</param>
    /// <param name="screening">The screening issues of the parks layer (they say why).</param>
    /// <param name="repairInvalid">Whether invalid parks were repaired (the hint then leaves out --fix).</param>
    /// <param name="issues">Receives the screening issues and the <c>park_not_analysed</c> issues.</param>
    /// <exception cref="UnusableInputException">No park can be analysed (PG0112).</exception>
    public static void Conclude(
        string source, IReadOnlyList<(string Id, string? Name)> parks, IReadOnlySet<string> usable, IReadOnlyList<DataIssue> screening, bool repairInvalid, ICollection<DataIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(parks);
        ArgumentNullException.ThrowIfNull(usable);
        ArgumentNullException.ThrowIfNull(screening);
        ArgumentNullException.ThrowIfNull(issues);
        var reasons = new List<(string Park, string Reason)>();
        var layerName = LayerRoles.Name(LayerRole.Parks);
        foreach (var issue in screening)
        {
            issues.Add(issue);
        }

        foreach (var (id, name) in parks.Where(p => !usable.Contains(p.Id)))
        {
            var reason = Reason(screening.FirstOrDefault(i => string.Equals(i.Feature, id, StringComparison.Ordinal)));
            reasons.Add((id, reason));
            issues.Add(new DataIssue(layerName, id, DataIssueCodes.ParkNotAnalysed,
                name is null ? Localized.Format("ParkNotAnalysed", id, reason) : Localized.Format("NamedParkNotAnalysed", id, name, reason)));
        }

        if (usable.Count > 0)
        {
            return;
        }

        if (parks.Count == 0)
        {
            throw new UnusableInputException(ErrorCodes.NoAnalysablePark, Localized.Format("ParksLayerEmpty", source), source,
                hint: Localized.Get("ParksLayerEmptyHint"));
        }

        var named = string.Join("; ", reasons.Take(ReasonsNamed).Select(r => $"{r.Park}: {r.Reason}"));
        var more = reasons.Count > ReasonsNamed ? Localized.Format("AndMore", reasons.Count - ReasonsNamed) : string.Empty;
        throw new UnusableInputException(ErrorCodes.NoAnalysablePark,
            Localized.Format("NoAnalysablePark", parks.Count, source, named, more), source, reasons[0].Park,
            hint: repairInvalid
                ? Localized.Get("NoAnalysableParkHint")
                : Localized.Get("NoAnalysableParkHintFix"));
    }

    /// <summary>Why a park was left out: the screening issue's first clause (its "left out of the analysis" is said anyway), lower-cased.</summary>
    private static string Reason(DataIssue? screening)
    {
        if (screening is null)
        {
            return Localized.Get("GeometryUnusable");
        }

        var message = screening.Message;
        var clause = message.IndexOfAny([';', '；']) is var end and > 0 ? message[..end] : message.TrimEnd('.', '。');
        return clause.Length > 1 && char.IsUpper(clause[0]) && !char.IsUpper(clause[1]) ? char.ToLowerInvariant(clause[0]) + clause[1..] : clause;
    }
}
