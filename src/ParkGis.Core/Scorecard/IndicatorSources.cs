using System.Globalization;
using ParkGis.Core.Conflicts;
using ParkGis.Core.Industry;
using ParkGis.Core.Idle;
using ParkGis.Core.Infrastructure;
using ParkGis.Core.Intensity;
using ParkGis.Core.Localization;
using ParkGis.Core.Supply;

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
            : ParkIndicatorValue.NotComputable(p.ParkId, ScorecardIndicators.LeadingIndustryShare, p.Park.Missing ?? Localized.Get("MissingEconomicsData")));
    }

    /// <summary>The mean coverage of the required networks of each park.</summary>
    public static IEnumerable<ParkIndicatorValue> FromInfrastructure(InfrastructureResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Parks.Select(p => p.MeanCoverage is { } coverage
            ? ParkIndicatorValue.Computed(p.ParkId, ScorecardIndicators.InfrastructureCoverage, coverage)
            : ParkIndicatorValue.NotComputable(p.ParkId, ScorecardIndicators.InfrastructureCoverage, p.MissingForCoverage ?? Localized.Get("MissingUtilityLayers")));
    }

    /// <summary>
    /// The supply rate of each park over the window (近五年供地率): supplied / approved land of the batches approved
    /// in the window that lies inside the park; not computable where no such batch reaches the park.
    /// </summary>
    public static IEnumerable<ParkIndicatorValue> FromSupply(SupplyLedgerResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var window = Localized.Format("MissingWindowBatch", result.Window.From, result.Window.To);
        return result.ParksInWindow.Select(p => p.SupplyRate is { } rate
            ? ParkIndicatorValue.Computed(p.Id, ScorecardIndicators.SupplyRate, rate)
            : ParkIndicatorValue.NotComputable(p.Id, ScorecardIndicators.SupplyRate, window));
    }

    /// <summary>
    /// The idle-land rate (土地闲置率 = idle / supplied area of the park's parcels) and the idle fees (闲置费) of each
    /// park; the rate is not computable for a park without supplied parcels.
    /// </summary>
    public static IEnumerable<ParkIndicatorValue> FromIdle(IdleLandResult result, IEnumerable<string> parkIds)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(parkIds);
        var supplied = result.Parcels.Where(p => LandStatusFromSupply.IsSupplied(p.Verdict.Status))
            .GroupBy(p => p.ParkId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(p => p.AreaM2), StringComparer.Ordinal);
        var idle = result.Parcels.Where(p => LandStatusFromSupply.IsIdle(p.Verdict.Status))
            .GroupBy(p => p.ParkId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(p => p.AreaM2), StringComparer.Ordinal);
        var fees = result.Parks.ToDictionary(p => p.ParkId, p => p.IdleFeeWan, StringComparer.Ordinal);
        foreach (var parkId in parkIds)
        {
            yield return supplied.TryGetValue(parkId, out var area) && area > 0
                ? ParkIndicatorValue.Computed(parkId, ScorecardIndicators.IdleRate, idle.GetValueOrDefault(parkId) / area)
                : ParkIndicatorValue.NotComputable(parkId, ScorecardIndicators.IdleRate, Localized.Get("MissingSuppliedParcelsInPark"));
            yield return ParkIndicatorValue.Computed(parkId, ScorecardIndicators.IdleFeesWan, fees.GetValueOrDefault(parkId));
        }
    }

    /// <summary>亩均产值, 亩均税收, growth against the baseline year and 标准地 failures of each park.</summary>
    public static IEnumerable<ParkIndicatorValue> FromIntensity(IntensityResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        foreach (var park in result.Parks)
        {
            yield return park.OutputPerMu.CurrentAllReporting is { } output
                ? ParkIndicatorValue.Computed(park.ParkId, ScorecardIndicators.OutputPerMuWan, output)
                : ParkIndicatorValue.NotComputable(park.ParkId, ScorecardIndicators.OutputPerMuWan, Localized.Get("MissingEconomicsOutput"));
            yield return park.TaxPerMu is { } tax
                ? ParkIndicatorValue.Computed(park.ParkId, ScorecardIndicators.TaxPerMuWan, tax)
                : ParkIndicatorValue.NotComputable(park.ParkId, ScorecardIndicators.TaxPerMuWan, Localized.Get("MissingEconomicsTax"));
            yield return park.OutputPerMu.Growth is { } growth
                ? ParkIndicatorValue.Computed(park.ParkId, ScorecardIndicators.OutputPerMuProgress, growth)
                : ParkIndicatorValue.NotComputable(park.ParkId, ScorecardIndicators.OutputPerMuProgress,
                    Localized.Format("MissingEconomicsBaseline", result.BaselineYear));
            yield return ParkIndicatorValue.Computed(park.ParkId, ScorecardIndicators.StandardLandFailures, park.StandardLandFailures);
        }
    }

    /// <summary>The same "not computable" reason for some indicators of every park (an analysis not available).</summary>
    public static IEnumerable<ParkIndicatorValue> NotComputable(IEnumerable<string> parkIds, IEnumerable<string> indicators, string missing)
    {
        ArgumentNullException.ThrowIfNull(parkIds);
        var keys = indicators.ToList();
        return parkIds.SelectMany(id => keys.Select(key => ParkIndicatorValue.NotComputable(id, key, missing)));
    }
}
