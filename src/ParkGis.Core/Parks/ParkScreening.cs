using ParkGis.Core.Analysis;
using ParkGis.Core.Data;
using ParkGis.Core.Errors;

namespace ParkGis.Core.Parks;

/// <summary>
/// The parks (园区) an analysis can use, and what happens to the others — one rule for every command: a park whose
/// geometry cannot be analysed (empty, not a polygon, invalid without <c>--fix</c>) is a data issue
/// <c>park_not_analysed</c> besides the screening issue that says why, so that the run never exits 0; a parks layer
/// with no park that can be analysed (all unusable, or no feature at all) is unusable input (PG0110).
/// </summary>
public static class ParkScreening
{
    /// <summary>How many parks the PG0110 message names with their reasons.</summary>
    private const int ReasonsNamed = 5;

    /// <summary>Screens the parks layer (see <see cref="FeatureScreening"/>) and applies the rule above.</summary>
    /// <param name="parks">The parks layer.</param>
    /// <param name="repairInvalid">Repair invalid geometries instead of leaving them out (<c>--fix</c>).</param>
    /// <param name="issues">Receives the screening issues and one <c>park_not_analysed</c> per park left out.</param>
    /// <exception cref="UnusableInputException">No park of the layer can be analysed (PG0110).</exception>
    public static IReadOnlyList<PolygonalFeature> Screen(Layer parks, bool repairInvalid, ICollection<DataIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(parks);
        ArgumentNullException.ThrowIfNull(issues);
        var found = new List<DataIssue>();
        var kept = FeatureScreening.Screen(parks, repairInvalid, found);
        var usable = kept.Select(p => p.Source).ToHashSet(ReferenceEqualityComparer.Instance);
        var reasons = new List<(string Park, string Reason)>();
        var layerName = LayerRoles.Name(LayerRole.Parks);
        foreach (var issue in found)
        {
            issues.Add(issue);
        }

        foreach (var park in parks.Features.Where(f => !usable.Contains(f)))
        {
            var reason = Reason(found.FirstOrDefault(i => string.Equals(i.Feature, park.Id, StringComparison.Ordinal)));
            reasons.Add((park.Id, reason));
            var name = parks.Text(park, "name");
            issues.Add(new DataIssue(layerName, park.Id, DataIssueCodes.ParkNotAnalysed,
                $"Park {park.Id}{(name is null ? string.Empty : $" ({name})")} was not analysed and is missing from every figure: {reason}."));
        }

        if (kept.Count > 0)
        {
            return kept;
        }

        if (parks.Features.Count == 0)
        {
            throw new UnusableInputException(ErrorCodes.NoAnalysablePark, $"The parks layer {parks.Source} has no features, so no park can be analysed.", parks.Source,
                hint: "Give the dataset its park boundaries (园区四至) as polygons, or map the parks layer in parkgis.json.");
        }

        var named = string.Join("; ", reasons.Take(ReasonsNamed).Select(r => $"{r.Park}: {r.Reason}"));
        var more = reasons.Count > ReasonsNamed ? $" (and {reasons.Count - ReasonsNamed} more)" : string.Empty;
        throw new UnusableInputException(ErrorCodes.NoAnalysablePark,
            $"No park of the {parks.Features.Count} in {parks.Source} can be analysed — {named}{more}.", parks.Source, reasons[0].Park,
            hint: repairInvalid
                ? "Give the parks polygon boundaries (parkgis info lists each problem)."
                : "Give the parks polygon boundaries (parkgis info lists each problem), or run with --fix to repair invalid ones.");
    }

    /// <summary>Why a park was left out: the screening issue's first clause (its "left out of the analysis" is said anyway), lower-cased.</summary>
    private static string Reason(DataIssue? screening)
    {
        if (screening is null)
        {
            return "its geometry cannot be used";
        }

        var message = screening.Message;
        var clause = message.IndexOf("; ", StringComparison.Ordinal) is var end and > 0 ? message[..end] : message.TrimEnd('.');
        return clause.Length > 1 && char.IsUpper(clause[0]) && !char.IsUpper(clause[1]) ? char.ToLowerInvariant(clause[0]) + clause[1..] : clause;
    }
}
