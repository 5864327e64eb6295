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
    public void Government_caused_parcel_is_idle_with_its_real_age_but_owes_no_fee_and_is_not_reclaimable()
    {
        // 规划调整, agreed start three years before the as-of date: 闲置土地 under 第二条, disposed under 第八条 → 第十二条.
        var verdict = IdleLandRule.Evaluate(Supplied(new DateOnly(2023, 6, 30)) with { GovernmentCause = "规划调整" }, AsOf);

        Assert.Equal(IdleStatus.GovernmentDelay, verdict.Status);
        Assert.True(IdleStatuses.IsIdle(verdict.Status));
        Assert.Equal(AsOf.DayNumber - new DateOnly(2023, 6, 30).DayNumber, verdict.IdleDays);
        Assert.Equal(0, verdict.IdleFeeWan);
        Assert.False(verdict.ReclaimEligible);
        Assert.Equal("government", verdict.Cause);
        Assert.Equal("unstarted", verdict.Kind);
        Assert.Equal("二", verdict.GovernmentCauseItem);
        Assert.Null(verdict.FeeBasis);
        Assert.Equal("闲置土地处置办法第八条、第十二条", verdict.Disposal!.Article);
        Assert.Contains("协议有偿收回", verdict.Disposal.Measures);
    }

    [Fact]
    public void Government_cause_does_not_make_land_in_grace_idle()
    {
        var verdict = IdleLandRule.Evaluate(Supplied(new DateOnly(2025, 7, 1)) with { GovernmentCause = "规划调整" }, AsOf);
        Assert.Equal(IdleStatus.InGrace, verdict.Status);
        Assert.Null(verdict.Cause);
    }

    [Theory]
    [InlineData("政府未按期交地", "一")]
    [InlineData("国家政策调整", "三")]
    [InlineData("信访维稳", "四")]
    [InlineData("涉及军事管制", "五")]
    [InlineData("涉及文物保护", "五")]
    [InlineData("自然灾害", "不可抗力")]
    [InlineData("领导说暂缓", "六")]
    [InlineData("是（规划调整）", "二")]
    [InlineData("是(信访维稳)", "四")]
    [InlineData("规划调整（2023年规划修编）", "二")]
    [InlineData("是（领导批示）", "六")]
    public void Government_cause_texts_map_to_the_items_of_article_8(string cause, string item)
    {
        Assert.Equal(item, IdleLandRule.Evaluate(Supplied(new DateOnly(2020, 1, 1)) with { GovernmentCause = cause }, AsOf).GovernmentCauseItem);
    }

    [Fact]
    public void Halted_parcel_idle_three_years_is_not_reclaimable_by_default_and_its_fee_says_local_rule()
    {
        var verdict = IdleLandRule.Evaluate(Halted(new DateOnly(2023, 6, 30), 0.1, 0.1), AsOf);

        Assert.Equal(IdleStatus.IdleHalted, verdict.Status);
        Assert.False(verdict.ReclaimEligible);
        Assert.Equal(200, verdict.IdleFeeWan!.Value, 9);
        Assert.Equal("local_rule", verdict.FeeBasis);
        Assert.Equal("local_rule", verdict.Disposal!.Basis);
        Assert.Equal("halted", verdict.Kind);
        Assert.Equal("enterprise", verdict.Cause);
    }

    [Fact]
    public void Halted_parcel_is_reclaimable_only_when_the_rules_say_so()
    {
        var verdict = IdleLandRule.Evaluate(Halted(new DateOnly(2023, 6, 30), 0.1, 0.1), AsOf, IdleRules.Default with { HaltedReclaim = true });
        Assert.True(verdict.ReclaimEligible);
        Assert.Contains(verdict.Disposal!.Measures, m => m.StartsWith("无偿收回", StringComparison.Ordinal));
    }

    [Fact]
    public void Halted_parcel_owes_no_fee_when_the_rules_turn_the_halted_fee_off()
    {
        var verdict = IdleLandRule.Evaluate(Halted(new DateOnly(2023, 6, 30), 0.1, 0.1), AsOf, IdleRules.Default with { HaltedFee = false });
        Assert.Equal(0, verdict.IdleFeeWan);
        Assert.Null(verdict.FeeBasis);
    }

    [Fact]
    public void Unstarted_parcel_exactly_two_years_is_reclaimable_on_the_statute_with_the_fee_still_due()
    {
        var verdict = IdleLandRule.Evaluate(Supplied(new DateOnly(2024, 6, 30)), AsOf);
        Assert.True(verdict.ReclaimEligible);
        Assert.Equal("statute", verdict.FeeBasis);
        Assert.Equal("闲置土地处置办法第十四条第（一）项、第（二）项", verdict.Disposal!.Article);
        Assert.Equal(200, verdict.IdleFeeWan!.Value, 9);
    }

    [Fact]
    public void Fee_share_and_reclaim_years_come_from_the_rules()
    {
        var verdict = IdleLandRule.Evaluate(Supplied(new DateOnly(2024, 6, 30)), AsOf, new IdleRules(FeeShare: 0.1, ReclaimYears: 3));
        Assert.Equal(100, verdict.IdleFeeWan!.Value, 9);
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
