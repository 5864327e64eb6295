using ParkGis.Core.Assessment;
using ParkGis.Core.Data;
using ParkGis.Core.Errors;
using ParkGis.Core.Infrastructure;
using ParkGis.Core.Scorecard;
using ParkGis.Web.Localization;

namespace ParkGis.Web.Report;

/// <summary>
/// The report's charted figures taken from the one assessment (the same results the separate commands give, with
/// their default settings): supply rates, 亩均税收 and enterprise grades, 九通一平 and the scorecard ranking. An
/// analysis the dataset does not allow, or whose input cannot be used (a broken economics table), is left out with
/// the reason, shown where its chart would be; the map and the other charts are still written.
/// </summary>
public static class ReportFigureSources
{
    /// <summary>
    /// Starts the analysis of the figures that keeps few cores busy (九通一平 coverage, when the dataset has utility
    /// networks) in the background, so that it overlaps the publication computed before <see cref="Of"/>; its result
    /// or error reaches <see cref="Of"/> as if computed there. Dispose the handle when the report is done.
    /// </summary>
    public static AnalysesInBackground Begin(ParkAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return HasNetworks(assessment) ? assessment.Begin(a => a.Infrastructure()) : assessment.Begin();
    }

    /// <summary>
    /// Starts the other analyses of the figures (intensity, leading industry, the scorecard) in the background, to
    /// overlap the publishing of the layers and the tiles; call it once the publication on <paramref name="asOf"/> is
    /// there (they use its supply and idle results, and would otherwise measure the parks' supply again). Results and
    /// errors reach <see cref="Of"/> as if computed there. Dispose the handle when the report is done.
    /// </summary>
    public static AnalysesInBackground BeginAfterPublication(ParkAssessment assessment, DateOnly? asOf)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return assessment.Begin(a => Of(a, asOf));
    }

    /// <summary>The figures of <paramref name="assessment"/> on <paramref name="asOf"/>.</summary>
    public static ReportFigures Of(ParkAssessment assessment, DateOnly? asOf)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var missing = new Dictionary<string, string>(StringComparer.Ordinal);
        SupplyFigures? supply = null;
        if (asOf is not { } date)
        {
            missing["supply"] = Localized.Get("ReportMissingAsOf");
        }
        else if (assessment.Layer(LayerRole.Approvals) is null || assessment.Layer(LayerRole.Parcels) is null)
        {
            missing["supply"] = Localized.Get("ReportMissingSupplyLayers");
        }
        else
        {
            supply = SupplyFigures.Of(assessment.Supply(date));
        }

        var intensity = Try(missing, "intensity", () =>
        {
            if (assessment.Layer(LayerRole.Parcels) is null || assessment.Economics is null)
            {
                missing["intensity"] = Localized.Get("ReportMissingIntensity");
                return null;
            }

            var result = assessment.Intensity(asOf: asOf);
            return new IntensityFigures(
                Localized.Get("ReportTaxPerMu"),
                Localized.Get("ReportUnitWanPerMu"),
                result.Year,
                [.. result.Parks.Select(p => new IntensityRow(p.ParkId, p.Name.Length > 0 ? p.Name : p.ParkId, p.TaxPerMu, p.GradeCounts))]);
        });

        var infrastructure = Try(missing, "infrastructure", () =>
        {
            if (!HasNetworks(assessment))
            {
                missing["infrastructure"] = Localized.Get("ReportMissingNetworks");
                return null;
            }

            var result = assessment.Infrastructure();
            return new InfrastructureFigures([.. result.Parks.Select(p =>
            {
                var required = p.Utilities.Where(u => u.Required).ToList();
                var met = required.Where(u => u.Meets == true).Select(u => LayerRoles.Label(u.Utility)).ToList();
                var notMet = required.Where(u => u.Meets != true).Select(u => LayerRoles.Label(u.Utility)).ToList();
                if (p.Levelled == true)
                {
                    met.Add(Localized.Get("ReportLevelled"));
                }
                else
                {
                    notMet.Add(Localized.Get("ReportLevelled"));
                }

                return new InfrastructureRow(p.ParkId, p.Name.Length > 0 ? p.Name : p.ParkId, met.Count, met.Count + notMet.Count, notMet);
            })]);
        });

        var scorecard = Try(missing, "scorecard", () =>
        {
            var card = assessment.Scorecard(ScorecardRules.Default, asOf: asOf).Card;
            return new ScorecardFigures(card.Year, [.. card.Rows.Select(r => new ScoreRow(r.Rank, r.ParkId, r.Name.Length > 0 ? r.Name : r.ParkId, r.Composite))]);
        });

        return new ReportFigures { Supply = supply, Intensity = intensity, Infrastructure = infrastructure, Scorecard = scorecard, Missing = missing };
    }

    private static bool HasNetworks(ParkAssessment assessment) => UtilityNetworks.All.Any(u => assessment.Layer(u) is not null);

    private static T? Try<T>(Dictionary<string, string> missing, string key, Func<T?> figures)
        where T : class
    {
        try
        {
            return figures();
        }
        catch (UnusableInputException e)
        {
            missing[key] = Localized.Format("ReportNotComputable", e.Code, e.Message);
            return null;
        }
    }
}
