using ParkGis.Core.Conflicts;
using ParkGis.Core.Industry;
using ParkGis.Core.Infrastructure;

namespace ParkGis.Core.Scorecard;

/// <summary>
/// Turns the results of the analyses into scorecard inputs (<see cref="ParkIndicatorValue"/>). One method per
/// analysis; an analysis that is not available yet contributes <see cref="NotComputable"/> values that say what
/// is needed.
/// </summary>
public static class IndicatorSources
{
    /// <summary>
    /// Conflict area (red line + permanent farmland, 公顷, union per control layer) and patch count, from the
    /// conflict check; not computable for a park when either control layer was missing.
    /// </summary>
    public static IEnumerable<ParkIndicatorValue> FromConflicts(ConflictCheckResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        foreach (var park in result.Parks)
        {
            var red = park.Conflicts[ConflictKind.EcologicalRedline];
            var farm = park.Conflicts[ConflictKind.PermanentFarmland];
            if (!red.Checked || !farm.Checked)
            {
                var missing = string.Join(" and ", new[] { (red, "ecological_redline layer"), (farm, "permanent_farmland layer") }.Where(x => !x.Item1.Checked).Select(x => x.Item2));
                yield return ParkIndicatorValue.NotComputable(park.ParkId, ScorecardIndicators.ConflictAreaHa, missing);
                yield return ParkIndicatorValue.NotComputable(park.ParkId, ScorecardIndicators.ConflictPatches, missing);
                continue;
            }

            yield return ParkIndicatorValue.Computed(park.ParkId, ScorecardIndicators.ConflictAreaHa, Measures.AreaUnits.ToHectares(red.AreaM2 + farm.AreaM2));
            yield return ParkIndicatorValue.Computed(park.ParkId, ScorecardIndicators.ConflictPatches, red.Patches + farm.Patches);
        }
    }

    /// <summary>The leading-industry share of each park (whole park, not blocks).</summary>
    public static IEnumerable<ParkIndicatorValue> FromLeadingIndustry(LeadingIndustryResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Parks.Select(p => p.Park.Share is { } share
            ? ParkIndicatorValue.Computed(p.ParkId, ScorecardIndicators.LeadingIndustryShare, share)
            : ParkIndicatorValue.NotComputable(p.ParkId, ScorecardIndicators.LeadingIndustryShare, p.Park.Missing ?? "economics data"));
    }

    /// <summary>The mean coverage of the required networks of each park.</summary>
    public static IEnumerable<ParkIndicatorValue> FromInfrastructure(InfrastructureResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Parks.Select(p => p.MeanCoverage is { } coverage
            ? ParkIndicatorValue.Computed(p.ParkId, ScorecardIndicators.InfrastructureCoverage, coverage)
            : ParkIndicatorValue.NotComputable(p.ParkId, ScorecardIndicators.InfrastructureCoverage, p.MissingForCoverage ?? "utility layers"));
    }

    /// <summary>The same "not computable" reason for some indicators of every park (an analysis not available).</summary>
    public static IEnumerable<ParkIndicatorValue> NotComputable(IEnumerable<string> parkIds, IEnumerable<string> indicators, string missing)
    {
        ArgumentNullException.ThrowIfNull(parkIds);
        var keys = indicators.ToList();
        return parkIds.SelectMany(id => keys.Select(key => ParkIndicatorValue.NotComputable(id, key, missing)));
    }
}
