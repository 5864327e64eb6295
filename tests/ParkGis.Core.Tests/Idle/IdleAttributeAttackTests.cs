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
    private static IdleLandResult Survey(params (string Field, object? Value)[] values)
    {
        var attributes = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["parcel_id"] = "L1", ["park_id"] = "P1", ["supplied_on"] = "2020-01-01", ["agreed_start"] = "2023-06-30", ["land_price_wan"] = 72.0,
        };
        foreach (var (field, value) in values)
        {
            attributes[field] = value;
        }

        var data = new LandTestData()
            .Add(LayerRole.Parks, "P1", Box(0, 0, 100, 100), ("park_id", "P1"), ("name", "甲园区"))
            .Add(LayerRole.Parcels, "L1", Box(0, 60, 20, 90), [.. attributes.Select(a => (a.Key, a.Value))]);
        return IdleLandSurvey.Run(data.Build(), AsOf);
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
}
