using System.Globalization;
using ParkGis.Core.Data;
using ParkGis.Core.Dates;
using ParkGis.Core.Localization;
using ParkGis.Core.Measures;

namespace ParkGis.Core.Idle;

/// <summary>
/// Reads a parcel's <see cref="ParcelLifecycle"/> from its attributes through the layer's field map. Every value
/// that is present but unreadable (a date like <c>2023-13-45</c>, a ratio like <c>abc</c> or <c>1.4</c>) becomes a
/// data issue naming the field and the value; it is never replaced by a default.
/// </summary>
public static class ParcelLifecycleReader
{
    /// <summary>
    /// The highest land price per 亩 read as 万元 (1 亿元/亩, 150,000 元/m²): far above any industrial or commercial
    /// land sold in an industrial park (the national floor for industrial land is 60–840 元/m², 4–56 万元/亩), and far
    /// below the same prices written in 元 (4 万元/亩 written in 元 reads as 40,000): docs/rules.md#idle-fee.
    /// </summary>
    public const double MaxLandPriceWanPerMu = 10_000;

    /// <summary>Reads one parcel of <paramref name="areaM2"/> m²; issues go to <paramref name="issues"/>.</summary>
    public static ParcelLifecycle Read(Layer layer, Feature feature, double areaM2, ICollection<DataIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(feature);
        ArgumentNullException.ThrowIfNull(issues);
        var unreadable = new HashSet<string>(StringComparer.Ordinal);
        var layerName = LayerRoles.Name(layer.Role);

        DateOnly? Date(string field)
        {
            var date = ReadDate(layer, feature, field, issues, out var isUnreadable);
            if (isUnreadable)
            {
                unreadable.Add(field);
            }

            return date;
        }

        // A non-negative number (a share, a price); a negative one is not used.
        double? Number(string field)
        {
            var value = layer.Value(feature, field);
            if (IsBlank(value))
            {
                return null;
            }

            if (!TryNumber(value, out var number))
            {
                unreadable.Add(field);
                issues.Add(new DataIssue(layerName, feature.Id, DataIssueCodes.UnparseableValue,
                    Localized.Format("ValueNotANumber", Describe(layer, field), Shown(value))));
                return null;
            }

            if (!NumberLimits.IsWithin(number))
            {
                unreadable.Add(field);
                issues.Add(new DataIssue(layerName, feature.Id, DataIssueCodes.ValueOutOfRange,
                    Localized.Format("LifecycleValueBeyondReal", Describe(layer, field), number, NumberLimits.MaxMagnitudeText)));
                return null;
            }

            if (number < 0)
            {
                unreadable.Add(field);
                issues.Add(new DataIssue(layerName, feature.Id, DataIssueCodes.ValueOutOfRange,
                    Localized.Format("LifecycleValueNegative", Describe(layer, field), number)));
                return null;
            }

            return number;
        }

        // A share above 1 was written as a percentage (35 for 0.35): a unit mistake, as intensity says; not used.
        double? Share(string field)
        {
            var share = Number(field);
            if (share is { } value && Shares.PercentageIssue(layerName, feature.Id, Describe(layer, field), value) is { } mistake)
            {
                unreadable.Add(field);
                issues.Add(mistake);
                return null;
            }

            return share;
        }

        // A price per 亩 no park's land reaches is a price in 元 (the column's unit unstated): not used, the fee not computed.
        double? LandPrice()
        {
            var price = Number(ParcelFields.LandPriceWan);
            var mu = AreaUnits.ToMu(areaM2);
            if (price is { } wan && mu > 0 && wan / mu > MaxLandPriceWanPerMu)
            {
                unreadable.Add(ParcelFields.LandPriceWan);
                issues.Add(new DataIssue(layerName, feature.Id, DataIssueCodes.UnitMistake,
                    Localized.Format("LandPriceLooksLikeYuan", Describe(layer, ParcelFields.LandPriceWan), wan, wan / mu, MaxLandPriceWanPerMu)));
                return null;
            }

            return price;
        }

        // Dates out of order (an agreed or actual start before the land was supplied, a halt before the start or with no
        // start) are reported; the status is still decided on the dates as written (docs/rules.md#idle-definition).
        void InOrder(string earlierField, DateOnly? earlier, string laterField, DateOnly? later)
        {
            if (earlier is { } first && later is { } second && second < first)
            {
                issues.Add(new DataIssue(layerName, feature.Id, DataIssueCodes.ImplausibleValue,
                    Localized.Format("LifecycleDatesOutOfOrder", Describe(layer, laterField), second, Describe(layer, earlierField), first)));
            }
        }

        var suppliedOn = Date(ParcelFields.SuppliedOn);
        var agreedStart = Date(ParcelFields.AgreedStart);
        var actualStart = Date(ParcelFields.ActualStart);
        var haltedSince = Date(ParcelFields.HaltedSince);
        InOrder(ParcelFields.SuppliedOn, suppliedOn, ParcelFields.AgreedStart, agreedStart);
        InOrder(ParcelFields.SuppliedOn, suppliedOn, ParcelFields.ActualStart, actualStart);
        InOrder(ParcelFields.ActualStart, actualStart, ParcelFields.HaltedSince, haltedSince);
        // A layer without actual_start has its one issue (AbsentFields), not one per halted parcel.
        if (haltedSince is { } halt && actualStart is null && !unreadable.Contains(ParcelFields.ActualStart)
            && feature.Attributes.ContainsKey(layer.SourceField(ParcelFields.ActualStart)))
        {
            issues.Add(new DataIssue(layerName, feature.Id, DataIssueCodes.ImplausibleValue,
                Localized.Format("LifecycleHaltWithoutStart", Describe(layer, ParcelFields.HaltedSince), halt, Describe(layer, ParcelFields.ActualStart))));
        }

        return new ParcelLifecycle(
            feature.Id,
            suppliedOn,
            agreedStart,
            actualStart,
            haltedSince,
            Share(ParcelFields.DevelopedRatio),
            Share(ParcelFields.InvestedRatio),
            LandPrice(),
            GovernmentCauses.Stated(layer.Text(feature, ParcelFields.GovernmentCause)),
            unreadable);
    }

    /// <summary>
    /// Reads a date field of a parcel: null when blank; null with an <c>unparseable_value</c> issue (worded the same for
    /// every analysis that reads the field) when it is not a date.
    /// </summary>
    public static DateOnly? ReadDate(Layer layer, Feature feature, string field, ICollection<DataIssue> issues, out bool unreadable)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(feature);
        ArgumentNullException.ThrowIfNull(issues);
        unreadable = false;
        var value = layer.Value(feature, field);
        if (IsBlank(value))
        {
            return null;
        }

        if (LenientDateParser.TryParse(value, out var date))
        {
            if (!LenientDateParser.IsPlaceholder(date))
            {
                return date;
            }

            issues.Add(new DataIssue(LayerRoles.Name(layer.Role), feature.Id, DataIssueCodes.PlaceholderDate, LenientDateParser.PlaceholderMessage(Describe(layer, field), date, string.Empty)));
            return null;
        }

        unreadable = true;
        issues.Add(new DataIssue(LayerRoles.Name(layer.Role), feature.Id, DataIssueCodes.UnparseableValue,
            Localized.Format("ValueNotADate", Describe(layer, field), Shown(value))));
        return null;
    }

    /// <summary>Reads a number: a numeric value, or invariant text such as <c>0.25</c> or <c>25%</c> (full-width <c>２５％</c> too).</summary>
    public static bool TryNumber(object? value, out double number)
    {
        switch (value)
        {
            case double d:
                number = d;
                return double.IsFinite(d);
            case float f:
                number = f;
                return float.IsFinite(f);
            case decimal m:
                number = (double)m;
                return true;
            case int or long or short or byte or uint or ulong or ushort or sbyte:
                number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                return true;
            case string text:
                var trimmed = FullWidthForms.ToAscii(text).Trim();
                var percent = trimmed.EndsWith('%');
                if (percent)
                {
                    trimmed = trimmed[..^1].TrimEnd();
                }

                if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number))
                {
                    number = percent ? number / 100 : number;
                    return true;
                }

                number = 0;
                return false;
            default:
                number = 0;
                return false;
        }
    }

    private static bool IsBlank(object? value) => value is null || (value is string s && string.IsNullOrWhiteSpace(s));

    private static string Shown(object? value) => value switch
    {
        DateTime or DateTimeOffset => AttributeText.Of(value) ?? string.Empty,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value?.ToString() ?? string.Empty,
    };

    private static string Describe(Layer layer, string field) => FieldLabels.WithSource(field, layer.SourceField(field));
}
