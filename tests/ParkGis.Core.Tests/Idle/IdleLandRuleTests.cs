using ParkGis.Core.Idle;

namespace ParkGis.Core.Tests.Idle;

public sealed class IdleLandRuleTests
{
    private static readonly DateOnly AsOf = new(2026, 6, 30);

    private static ParcelLifecycle Supplied(DateOnly? agreed = null) =>
        ParcelLifecycle.Empty("L1") with { SuppliedOn = new DateOnly(2020, 1, 1), AgreedStart = agreed, LandPriceWan = 1000 };

    private static ParcelLifecycle Halted(DateOnly since, double developed, double invested) =>
        Supplied(new DateOnly(2020, 6, 1)) with { ActualStart = new DateOnly(2020, 7, 1), HaltedSince = since, DevelopedRatio = developed, InvestedRatio = invested };

    private static ParcelLifecycle Unreadable(ParcelLifecycle parcel, string field) =>
        parcel with { UnreadableFields = new HashSet<string>([field], StringComparer.Ordinal) };

    [Fact]
    public void Parcel_without_supply_date_is_not_supplied()
    {
        var verdict = IdleLandRule.Evaluate(ParcelLifecycle.Empty("L1"), AsOf);
        Assert.Equal(IdleStatus.NotSupplied, verdict.Status);
    }

    [Fact]
    public void Parcel_supplied_after_the_as_of_date_is_not_supplied()
    {
        var verdict = IdleLandRule.Evaluate(Supplied(new DateOnly(2020, 1, 1)) with { SuppliedOn = new DateOnly(2026, 7, 1) }, AsOf);
        Assert.Equal(IdleStatus.NotSupplied, verdict.Status);
    }

    [Fact]
    public void Unstarted_exactly_one_year_after_agreed_start_is_idle_with_365_days_and_a_20_percent_fee()
    {
        var verdict = IdleLandRule.Evaluate(Supplied(new DateOnly(2025, 6, 30)), AsOf);
        Assert.Equal(IdleStatus.IdleUnstarted, verdict.Status);
        Assert.Equal(365, verdict.IdleDays);
        Assert.Equal(200, verdict.IdleFeeWan!.Value, 9);
        Assert.False(verdict.ReclaimEligible);
        Assert.True(verdict.SuppliedNotStarted);
    }

    [Fact]
    public void Unstarted_one_day_short_of_a_year_is_in_grace()
    {
        var verdict = IdleLandRule.Evaluate(Supplied(new DateOnly(2025, 7, 1)), AsOf);
        Assert.Equal(IdleStatus.InGrace, verdict.Status);
        Assert.Equal(0, verdict.IdleDays);
        Assert.Equal(0, verdict.IdleFeeWan);
        Assert.True(verdict.SuppliedNotStarted);
    }

    [Fact]
    public void Agreed_start_on_29_February_is_idle_from_28_February_a_year_later()
    {
        var agreed = new DateOnly(2024, 2, 29);
        Assert.Equal(IdleStatus.IdleUnstarted, IdleLandRule.Evaluate(Supplied(agreed), new DateOnly(2025, 2, 28)).Status);
        Assert.Equal(IdleStatus.InGrace, IdleLandRule.Evaluate(Supplied(agreed), new DateOnly(2025, 2, 27)).Status);
    }

    [Fact]
    public void Exactly_two_years_makes_the_land_reclaimable_and_one_day_less_does_not()
    {
        Assert.True(IdleLandRule.Evaluate(Supplied(new DateOnly(2024, 6, 30)), AsOf).ReclaimEligible);
        Assert.False(IdleLandRule.Evaluate(Supplied(new DateOnly(2024, 7, 1)), AsOf).ReclaimEligible);
    }

    [Fact]
    public void Halted_a_full_year_with_development_under_a_third_is_idle_halted()
    {
        var verdict = IdleLandRule.Evaluate(Halted(new DateOnly(2025, 6, 30), 0.33, 0.9), AsOf);
        Assert.Equal(IdleStatus.IdleHalted, verdict.Status);
        Assert.Equal(365, verdict.IdleDays);
    }

    [Fact]
    public void Ratios_of_exactly_one_third_and_a_quarter_are_not_under_so_the_halted_parcel_is_in_use()
    {
        var verdict = IdleLandRule.Evaluate(Halted(new DateOnly(2020, 1, 1), 1.0 / 3.0, 0.25), AsOf);
        Assert.Equal(IdleStatus.InUse, verdict.Status);
    }

    [Fact]
    public void Investment_just_under_a_quarter_makes_a_halted_parcel_idle()
    {
        Assert.Equal(IdleStatus.IdleHalted, IdleLandRule.Evaluate(Halted(new DateOnly(2020, 1, 1), 0.9, 0.2499), AsOf).Status);
    }

    [Fact]
    public void Halted_one_day_short_of_a_year_is_in_use()
    {
        Assert.Equal(IdleStatus.InUse, IdleLandRule.Evaluate(Halted(new DateOnly(2025, 7, 1), 0.1, 0.1), AsOf).Status);
    }

    [Fact]
    public void Government_cause_turns_idle_into_a_delay_without_fee_or_reclaim()
    {
        var verdict = IdleLandRule.Evaluate(Supplied(new DateOnly(2020, 1, 1)) with { GovernmentCause = "政府未按期交地" }, AsOf);
        Assert.Equal(IdleStatus.GovernmentDelay, verdict.Status);
        Assert.Equal(0, verdict.IdleDays);
        Assert.Equal(0, verdict.IdleFeeWan);
        Assert.False(verdict.ReclaimEligible);
    }

    [Fact]
    public void Unreadable_supply_date_makes_the_status_unknown_and_names_the_field()
    {
        var verdict = IdleLandRule.Evaluate(Unreadable(ParcelLifecycle.Empty("L1"), ParcelFields.SuppliedOn), AsOf);
        Assert.Equal(IdleStatus.Unknown, verdict.Status);
        Assert.Equal(ParcelFields.SuppliedOn, verdict.ProblemField);
    }

    [Fact]
    public void Supplied_unstarted_parcel_without_agreed_start_is_unknown()
    {
        var verdict = IdleLandRule.Evaluate(Supplied(agreed: null), AsOf);
        Assert.Equal(IdleStatus.Unknown, verdict.Status);
        Assert.Equal(ParcelFields.AgreedStart, verdict.ProblemField);
    }

    [Fact]
    public void Idle_parcel_without_a_price_stays_idle_with_no_fee()
    {
        var verdict = IdleLandRule.Evaluate(Supplied(new DateOnly(2020, 1, 1)) with { LandPriceWan = null }, AsOf);
        Assert.Equal(IdleStatus.IdleUnstarted, verdict.Status);
        Assert.Null(verdict.IdleFeeWan);
        Assert.Equal(ParcelFields.LandPriceWan, verdict.ProblemField);
    }
}
