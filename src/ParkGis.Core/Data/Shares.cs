using ParkGis.Core.Localization;

namespace ParkGis.Core.Data;

/// <summary>Shares (比例) are fractions: a value above 1 was written as a percentage (35 for 0.35) and is not used.</summary>
public static class Shares
{
    /// <summary>The <c>unit_mistake</c> issue of a share above 1, or null when <paramref name="share"/> is a fraction.</summary>
    /// <param name="layerName">The layer's role name.</param>
    /// <param name="featureId">The feature.</param>
    /// <param name="fieldText">The field as the message names it.</param>
    /// <param name="share">The value read.</param>
    public static DataIssue? PercentageIssue(string layerName, string featureId, string fieldText, double share) =>
        share > 1
            ? new DataIssue(layerName, featureId, DataIssueCodes.UnitMistake, Localized.Format("RatioLooksLikePercentage", fieldText, share, share, share / 100))
            : null;
}
