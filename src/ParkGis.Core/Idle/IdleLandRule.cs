using ParkGis.Core.Dates;
using ParkGis.Core.Localization;

namespace ParkGis.Core.Idle;

/// <summary>
/// The idle-land rule (闲置土地认定, 闲置土地处置办法 2012): a supplied parcel is idle when it has not started one
/// full year after its agreed start (Art. 2), or when it started, developed under 1/3 or invested under 25 %,
/// and has been halted for one full year. Idle land with a government cause (Art. 8) is still idle and is disposed
/// under Art. 12: no fee, no 无偿收回. Enterprise-caused land not started owes a fee of 20 % of the land price and may
/// be reclaimed after two full years (Art. 14); halted land owes the fee or is reclaimed only as the rules choose
/// (<see cref="IdleRules"/>). Pure: the as-of date is a parameter, and values the rule needs but cannot read make
/// the status unknown, never a default.
/// </summary>
public static class IdleLandRule
{
    /// <summary>Developed share under which a halted parcel can be idle (1/3; exactly 1/3 is not under).</summary>
    public const double DevelopedRatioThreshold = 1.0 / 3.0;

    /// <summary>Invested share under which a halted parcel can be idle (25 %; exactly 0.25 is not under).</summary>
    public const double InvestedRatioThreshold = 0.25;

    /// <summary>Evaluates one parcel on <paramref name="asOf"/> under the default rules.</summary>
    public static IdleVerdict Evaluate(ParcelLifecycle parcel, DateOnly asOf) => Evaluate(parcel, asOf, IdleRules.Default);

    /// <summary>Evaluates one parcel on <paramref name="asOf"/> under <paramref name="rules"/>.</summary>
    public static IdleVerdict Evaluate(ParcelLifecycle parcel, DateOnly asOf, IdleRules rules)
    {
        ArgumentNullException.ThrowIfNull(parcel);
        ArgumentNullException.ThrowIfNull(rules);
        if (parcel.IsUnreadable(ParcelFields.SuppliedOn))
        {
            return Unknown(ParcelFields.SuppliedOn, Localized.Get("IdleSuppliedOnUnreadable"), suppliedNotStarted: false);
        }

        if (parcel.SuppliedOn is not { } supplied || supplied > asOf)
        {
            return new IdleVerdict(IdleStatus.NotSupplied, 0, 0, false, false);
        }

        if (parcel.IsUnreadable(ParcelFields.ActualStart))
        {
            return Unknown(ParcelFields.ActualStart, Localized.Get("IdleActualStartUnreadable"), suppliedNotStarted: false);
        }

        var started = parcel.ActualStart is { } actual && actual <= asOf;
        return started ? Started(parcel, asOf, rules) : NotStarted(parcel, asOf, rules);
    }

    private static IdleVerdict NotStarted(ParcelLifecycle parcel, DateOnly asOf, IdleRules rules)
    {
        if (parcel.AgreedStart is not { } agreed)
        {
            return Unknown(ParcelFields.AgreedStart, parcel.IsUnreadable(ParcelFields.AgreedStart)
                ? Localized.Get("IdleAgreedStartUnreadable")
                : Localized.Get("IdleAgreedStartEmpty"), suppliedNotStarted: true);
        }

        if (!CalendarYears.HaveElapsed(agreed, asOf, 1))
        {
            return new IdleVerdict(IdleStatus.InGrace, 0, 0, false, true);
        }

        // docs/rules.md#idle-definition
        return Idle(parcel, IdleStatus.IdleUnstarted, agreed, asOf, rules, suppliedNotStarted: true);
    }

    private static IdleVerdict Started(ParcelLifecycle parcel, DateOnly asOf, IdleRules rules)
    {
        if (parcel.IsUnreadable(ParcelFields.HaltedSince))
        {
            return Unknown(ParcelFields.HaltedSince, Localized.Get("IdleHaltedSinceUnreadable"), suppliedNotStarted: false);
        }

        if (parcel.HaltedSince is not { } halted || halted > asOf || !CalendarYears.HaveElapsed(halted, asOf, 1))
        {
            return new IdleVerdict(IdleStatus.InUse, 0, 0, false, false);
        }

        var developedUnder = parcel.DevelopedRatio is { } developed ? developed < DevelopedRatioThreshold : (bool?)null;
        var investedUnder = parcel.InvestedRatio is { } invested ? invested < InvestedRatioThreshold : (bool?)null;
        if (developedUnder == true || investedUnder == true)
        {
            // docs/rules.md#idle-halted
            return Idle(parcel, IdleStatus.IdleHalted, halted, asOf, rules, suppliedNotStarted: false);
        }

        if (developedUnder is null && investedUnder is null)
        {
            return Unknown(ParcelFields.DevelopedRatio, Localized.Get("IdleRatiosMissing"), suppliedNotStarted: false);
        }

        if (developedUnder is null)
        {
            return Unknown(ParcelFields.DevelopedRatio,
                Localized.Get("IdleDevelopedRatioMissing"), suppliedNotStarted: false);
        }

        if (investedUnder is null)
        {
            return Unknown(ParcelFields.InvestedRatio,
                Localized.Get("IdleInvestedRatioMissing"), suppliedNotStarted: false);
        }

        return new IdleVerdict(IdleStatus.InUse, 0, 0, false, false);
    }

    private static IdleVerdict Idle(ParcelLifecycle parcel, IdleStatus status, DateOnly since, DateOnly asOf, IdleRules rules, bool suppliedNotStarted)
    {
        var days = asOf.DayNumber - since.DayNumber;
        var unstarted = status == IdleStatus.IdleUnstarted;
        var kind = unstarted ? IdleStatuses.Unstarted : IdleStatuses.Halted;
        if (parcel.GovernmentCause is { } cause)
        {
            // docs/rules.md#idle-government-cause: still idle; disposed under Art. 12 (docs/rules.md#idle-government-disposal).
            return new IdleVerdict(IdleStatus.GovernmentDelay, days, 0, false, suppliedNotStarted)
            {
                Cause = IdleStatuses.GovernmentCause,
                Kind = kind,
                GovernmentCauseItem = GovernmentCauses.ItemOf(cause),
                Disposal = IdleDisposals.Government,
            };
        }

        // docs/rules.md#idle-fee, #idle-reclaim, #idle-halted-penalties
        var charged = unstarted || rules.HaltedFee;
        var reclaim = (unstarted || rules.HaltedReclaim) && CalendarYears.HaveElapsed(since, asOf, rules.ReclaimYears);
        var verdict = new IdleVerdict(status, days, 0, reclaim, suppliedNotStarted)
        {
            Cause = IdleStatuses.EnterpriseCause,
            Kind = kind,
            FeeBasis = charged ? (unstarted ? IdleDisposals.Statute : IdleDisposals.LocalRule) : null,
            Disposal = unstarted ? IdleDisposals.Unstarted(reclaim, rules.FeeShare) : IdleDisposals.Halted(rules.HaltedFee, reclaim, rules.FeeShare),
        };
        if (!charged)
        {
            return verdict;
        }

        if (parcel.LandPriceWan is not { } price)
        {
            return verdict with
            {
                IdleFeeWan = null,
                Problem = parcel.IsUnreadable(ParcelFields.LandPriceWan)
                    ? Localized.Get("IdleLandPriceUnreadable")
                    : Localized.Get("IdleLandPriceEmpty"),
                ProblemField = ParcelFields.LandPriceWan,
            };
        }

        return verdict with { IdleFeeWan = rules.FeeShare * price };
    }

    private static IdleVerdict Unknown(string field, string problem, bool suppliedNotStarted) =>
        new(IdleStatus.Unknown, 0, 0, false, suppliedNotStarted, problem, field);
}
