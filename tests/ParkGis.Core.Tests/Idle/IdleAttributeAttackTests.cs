using ParkGis.Core.Assessment;
using ParkGis.Core.Data;
using ParkGis.Core.Idle;
using ParkGis.Core.Tests.Supply;
using static ParkGis.Core.Tests.Supply.LandTestData;

namespace ParkGis.Core.Tests.Idle;

/// <summary>
/// The hostile review of the idle survey's attribute reading (seventeenth round): values as a land bureau types them
/// that the survey read wrongly; each with the test named after the attack.
/// </summary>
public sealed class IdleAttributeAttackTests
{
    private static readonly DateOnly AsOf = new(2026, 6, 30);

    // One parcel L1 of 600 m² (0.9 亩) in park P1: supplied 2020, agreed start 2023-06-30, 72 万元, plus the given values.
    private static IdleLandResult Survey(params (string Field, object? Value)[] values) => IdleLandSurvey.Run(Dataset(values), AsOf);

    private static Dataset Dataset(params (string Field, object? Value)[] values)
    {
        var attributes = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["parcel_id"] = "L1", ["park_id"] = "P1", ["supplied_on"] = "2020-01-01", ["agreed_start"] = "2023-06-30", ["land_price_wan"] = 72.0,
            ["actual_start"] = "", ["halted_since"] = "", ["developed_ratio"] = "", ["invested_ratio"] = "", ["government_cause"] = "",
        };
        foreach (var (field, value) in values)
        {
            attributes[field] = value;
        }

        var data = new LandTestData()
            .Add(LayerRole.Parks, "P1", Box(0, 0, 100, 100), ("park_id", "P1"), ("name", "甲园区"))
            .Add(LayerRole.Parcels, "L1", Box(0, 60, 20, 90), [.. attributes.Select(a => (a.Key, a.Value))]);
        return data.Build();
    }

    private static IdleVerdict Verdict(IdleLandResult result) => result.Parcels.Single(p => p.ParcelId == "L1").Verdict;

    [Theory]
    [InlineData("developed_ratio", 23.6)]
    [InlineData("invested_ratio", 13.1)]
    public void A_share_written_as_a_percentage_is_a_unit_mistake_as_intensity_says_not_a_value_out_of_range(string field, double percent)
    {
        var result = Survey(("actual_start", "2021-01-01"), ("halted_since", "2024-01-01"), ("developed_ratio", 0.5), ("invested_ratio", 0.5), (field, percent));

        var issue = Assert.Single(result.Issues, i => i.Code is DataIssueCodes.UnitMistake or DataIssueCodes.ValueOutOfRange);
        Assert.True(issue.Code == DataIssueCodes.UnitMistake, issue.ToString());
        Assert.Contains("percentage", issue.Message, StringComparison.Ordinal);
        Assert.Equal(IdleStatus.Unknown, Verdict(result).Status);
    }

    [Fact]
    public void A_halted_parcel_with_both_shares_unreadable_is_not_said_to_have_one_share_at_or_above_its_threshold()
    {
        var result = Survey(("actual_start", "2021-01-01"), ("halted_since", "2024-01-01"), ("developed_ratio", "abc"), ("invested_ratio", "xyz"));

        Assert.Equal(IdleStatus.Unknown, Verdict(result).Status);
        var problem = Verdict(result).Problem!;
        Assert.DoesNotContain("is not under", problem, StringComparison.Ordinal);
        Assert.Contains("developed_ratio", problem, StringComparison.Ordinal);
        Assert.Contains("invested_ratio", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Ｎ", "full-width N")]
    [InlineData("ＮＯ", "full-width NO")]
    [InlineData("\u3000否\u3000", "ideographic spaces")]
    [InlineData("否。", "a full stop after the answer")]
    [InlineData("无.", "an ASCII full stop")]
    [InlineData("否（企业原因）", "a no with its reason in brackets")]
    [InlineData("否(企业自身原因)", "ASCII brackets")]
    [InlineData("无政府原因", "says there is no government cause")]
    [InlineData("/", "the table's not-applicable slash")]
    [InlineData("－", "a full-width dash")]
    [InlineData("—", "an em dash")]
    [InlineData("0.0", "a number column written as text")]
    public void A_government_cause_answered_no_in_the_ways_a_bureau_types_it_leaves_the_land_to_the_enterprise(string answer, string reason)
    {
        var result = Survey(("government_cause", answer));

        var verdict = Verdict(result);
        Assert.True(verdict.Cause == "enterprise", $"{reason}: {verdict}");
        Assert.Equal(14.4, verdict.IdleFeeWan!.Value, 9);
        Assert.Empty(result.Issues);
    }

    [Theory]
    [InlineData("Ｙ", "full-width Y")]
    [InlineData("是。", "a full stop after the answer")]
    [InlineData("1.0", "a number column written as text")]
    public void A_government_cause_answered_yes_in_the_ways_a_bureau_types_it_says_no_item_is_named(string answer, string reason)
    {
        var result = Survey(("government_cause", answer));

        Assert.Equal(IdleStatus.GovernmentDelay, Verdict(result).Status);
        var issue = Assert.Single(result.Issues);
        Assert.True(issue.Message.Contains("names no item", StringComparison.Ordinal), $"{reason}: {issue}");
    }

    [Theory]
    [InlineData("规划调整。", "二")]
    [InlineData("　信访维稳 ", "四")]
    public void A_recognised_cause_with_a_full_stop_or_ideographic_space_names_its_item_without_an_issue(string cause, string item)
    {
        var result = Survey(("government_cause", cause));

        Assert.Equal(item, Verdict(result).GovernmentCauseItem);
        Assert.Empty(result.Issues);
    }

    [Theory]
    [InlineData("land_price_wan", -5.0)]
    [InlineData("developed_ratio", -0.2)]
    public void A_negative_price_or_share_is_said_to_be_negative_not_outside_a_range_ending_at_the_largest_double(string field, double value)
    {
        var result = Survey(("actual_start", "2021-01-01"), ("halted_since", "2024-01-01"), ("developed_ratio", 0.1), ("invested_ratio", 0.1), (field, value));

        var issue = Assert.Single(result.Issues, i => i.Code == DataIssueCodes.ValueOutOfRange);
        Assert.DoesNotContain("E+308", issue.Message, StringComparison.Ordinal);
        Assert.Contains("negative", issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("land_price_wan", "７２", 14.4)]
    [InlineData("land_price_wan", "７２.０", 14.4)]
    public void A_price_typed_with_full_width_digits_is_read_as_the_number_for_the_fee(string field, string typed, double fee)
    {
        var result = Survey((field, typed));

        Assert.Equal(fee, Verdict(result).IdleFeeWan!.Value, 9);
        Assert.Empty(result.Issues);
    }

    [Fact]
    public void A_share_typed_with_full_width_digits_and_percent_sign_is_read_as_the_share()
    {
        // Halted since 2024, developed 20 % (under 1/3): idle.
        var result = Survey(("actual_start", "2021-01-01"), ("halted_since", "2024-01-01"), ("developed_ratio", "２０％"), ("invested_ratio", "０.５"));

        Assert.Equal(IdleStatus.IdleHalted, Verdict(result).Status);
        Assert.Empty(result.Issues);
    }

    [Theory]
    [InlineData("agreed_start", "2019-01-01", "supplied_on")]
    [InlineData("actual_start", "2019-06-01", "supplied_on")]
    [InlineData("halted_since", "2020-06-01", "actual_start")]
    public void Dates_out_of_order_are_an_implausible_value_not_a_silent_verdict(string field, string date, string earlierField)
    {
        // Supplied 2020-01-01; started 2021-01-01 where a start is given. Before: agreed start 2019 counted the idle
        // time (and 无偿收回) from before the land was supplied, with no issue.
        var values = new List<(string, object?)> { (field, date) };
        if (field == "halted_since")
        {
            values.AddRange([("actual_start", "2021-01-01"), ("developed_ratio", 0.1), ("invested_ratio", 0.1)]);
        }

        var result = Survey([.. values]);

        var issue = Assert.Single(result.Issues, i => i.Code == DataIssueCodes.ImplausibleValue);
        Assert.Equal("L1", issue.Feature);
        Assert.Contains(field, issue.Message, StringComparison.Ordinal);
        Assert.Contains(earlierField, issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dates_in_order_raise_no_issue()
    {
        var result = Survey(("agreed_start", "2020-01-01"), ("actual_start", "2020-01-01"), ("halted_since", "2024-01-01"), ("developed_ratio", 0.1), ("invested_ratio", 0.1));

        Assert.Equal(IdleStatus.IdleHalted, Verdict(result).Status);
        Assert.Empty(result.Issues);
    }

    [Fact]
    public void An_unreadable_agreed_start_that_leaves_a_parcel_out_of_the_land_idle_rate_is_a_data_issue_of_intensity_too()
    {
        // 45328 is an Excel day number, not a date: the idle status is unknown, so intensity's 土地闲置率 leaves L1 out
        // of G and D. Before, intensity.json said nothing of it (exit 0 on otherwise clean data).
        var assessment = new ParkAssessment(AssessmentInputs.Of(Dataset(("agreed_start", "45328"))));

        var intensity = assessment.Intensity(asOf: AsOf);

        Assert.Contains(intensity.Issues, i => i.Feature == "L1" && i.Code == DataIssueCodes.UnparseableValue
            && i.Message.Contains("agreed_start", StringComparison.Ordinal));
    }

    [Fact]
    public void A_halt_date_without_a_start_date_is_an_implausible_value_not_silently_ignored()
    {
        // Halted since 2024 implies a start; with actual_start empty the parcel is judged as never started.
        var result = Survey(("halted_since", "2024-01-01"), ("developed_ratio", 0.1), ("invested_ratio", 0.1));

        Assert.Equal(IdleStatus.IdleUnstarted, Verdict(result).Status);
        var issue = Assert.Single(result.Issues);
        Assert.Equal(DataIssueCodes.ImplausibleValue, issue.Code);
        Assert.Contains("halted_since", issue.Message, StringComparison.Ordinal);
        Assert.Contains("actual_start", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_halt_date_on_a_layer_without_actual_start_leaves_the_layers_one_issue_not_one_per_parcel()
    {
        var data = new LandTestData()
            .Add(LayerRole.Parks, "P1", Box(0, 0, 100, 100), ("park_id", "P1"), ("name", "甲园区"))
            .Add(LayerRole.Parcels, "L1", Box(0, 60, 20, 90), ("parcel_id", "L1"), ("park_id", "P1"), ("supplied_on", "2020-01-01"),
                ("agreed_start", "2023-06-30"), ("halted_since", "2024-01-01"), ("land_price_wan", 72.0), ("government_cause", ""),
                ("developed_ratio", 0.1), ("invested_ratio", 0.1));

        var result = IdleLandSurvey.Run(data.Build(), AsOf);

        Assert.DoesNotContain(result.Issues, i => i.Code == DataIssueCodes.ImplausibleValue);
        Assert.Contains(result.Issues, i => i.Code == DataIssueCodes.MissingValue && i.Message.Contains("actual_start", StringComparison.Ordinal));
    }
}
