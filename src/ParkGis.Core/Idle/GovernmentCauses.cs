namespace ParkGis.Core.Idle;

/// <summary>
/// The items of 闲置土地处置办法第八条 a <c>government_cause</c> text names (政府原因; docs/rules.md#idle-government-cause):
/// 政府未按期交地 (一), 规划调整 (二), 国家政策调整 (三), 信访维稳 (四), 涉及军事管制 / 涉及文物保护 (五), 不可抗力 /
/// 自然灾害 (force majeure, the article's last sentence); any other text is item (六), 政府、政府有关部门的其他行为.
/// </summary>
public static class GovernmentCauses
{
    /// <summary>The item of force majeure (不可抗力).</summary>
    public const string ForceMajeure = "不可抗力";

    /// <summary>The catch-all item (六).</summary>
    public const string Other = "六";

    private static readonly (string Text, string Item)[] Known =
    [
        ("政府未按期交地", "一"), ("未按期交地", "一"), ("规划调整", "二"), ("规划修改", "二"), ("国家政策调整", "三"), ("政策调整", "三"),
        ("信访维稳", "四"), ("信访", "四"), ("涉及军事管制", "五"), ("军事管制", "五"), ("涉及文物保护", "五"), ("文物保护", "五"),
        ("不可抗力", ForceMajeure), ("自然灾害", ForceMajeure),
    ];

    /// <summary>The item a cause text names, or null when the text is not one of the recognised values (then it is item 六).</summary>
    public static string? Recognise(string cause)
    {
        ArgumentNullException.ThrowIfNull(cause);
        var text = cause.Trim();
        foreach (var (known, item) in Known)
        {
            if (string.Equals(text, known, StringComparison.Ordinal))
            {
                return item;
            }
        }

        return null;
    }

    /// <summary>The item of a cause text: the recognised one, else (六).</summary>
    public static string ItemOf(string cause) => Recognise(cause) ?? Other;
}
