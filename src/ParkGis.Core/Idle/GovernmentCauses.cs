using System.Globalization;
using ParkGis.Core.Data;

namespace ParkGis.Core.Idle;

/// <summary>
/// The items of 闲置土地处置办法第八条 a <c>government_cause</c> text names (政府原因; docs/rules.md#idle-government-cause):
/// 政府未按期交地 (一), 规划调整 (二), 国家政策调整 (三), 信访维稳 (四), 涉及军事管制 / 涉及文物保护 (五), 不可抗力 /
/// 自然灾害 (force majeure, the article's last sentence); any other text is item (六), 政府、政府有关部门的其他行为.
/// A column kept as a yes/no answer says no cause with 否, 无, 不属实 and the like (<see cref="Stated"/>), and a yes
/// names no item (<see cref="IsBareYes"/>).
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

    // Answers that say there is no verified government cause: the parcel is the enterprise's, as with an empty cell.
    private static readonly string[] NoCause =
    [
        "否", "无", "没有", "不是", "非", "不属实", "审核不属实", "不属于", "非政府原因", "无政府原因", "企业原因", "N", "NO", "F", "FALSE", "0", "×",
        "/", "-", "—", "——",
    ];

    // Sentence punctuation a typed answer may end with (否。 规划调整；), after full-width forms are read as ASCII.
    private static readonly char[] TrailingPunctuation = ['.', '。', ';', '；', ',', '，', '、', '!', '！'];

    // Answers that say there is one without naming the item.
    private static readonly string[] BareYes = ["是", "有", "属实", "审核属实", "政府原因", "Y", "YES", "T", "TRUE", "1", "√"];

    /// <summary>
    /// The cause a <c>government_cause</c> cell states: its text, or null when it is blank or says there is none (否, 无,
    /// 不属实, N, false, 0 …: the land is the enterprise's, docs/rules.md#idle-government-cause).
    /// </summary>
    public static string? Stated(string? cell)
    {
        if (string.IsNullOrWhiteSpace(cell))
        {
            return null;
        }

        // A no followed by its reason in brackets (否（企业原因）; full-width brackets are ASCII by now) is a no.
        var text = Answer(cell);
        var bracket = text.IndexOf('(', StringComparison.Ordinal);
        var head = bracket > 0 ? text[..bracket].TrimEnd() : text;
        return IsOneOf(text, NoCause) || IsOneOf(head, NoCause) ? null : cell;
    }

    /// <summary>Whether a cause text only says yes (是, Y, true, 1 …), naming no item of the article.</summary>
    public static bool IsBareYes(string cause)
    {
        ArgumentNullException.ThrowIfNull(cause);
        return IsOneOf(Answer(cause), BareYes);
    }

    /// <summary>
    /// The item a cause text names, or null when the text is not one of the recognised values (then it is item 六). A
    /// recognised value followed by a note in brackets (规划调整（2023 年修编）) names its item; so does a yes followed by
    /// the item in brackets (是（规划调整）).
    /// </summary>
    public static string? Recognise(string cause)
    {
        ArgumentNullException.ThrowIfNull(cause);
        var text = Answer(cause);
        if (KnownItem(text) is { } item)
        {
            return item;
        }

        var open = text.IndexOf('(', StringComparison.Ordinal);
        if (open <= 0)
        {
            return null;
        }

        var head = text[..open].TrimEnd();
        var close = text.IndexOf(')', open + 1);
        var inner = (close < 0 ? text[(open + 1)..] : text[(open + 1)..close]).Trim();
        return IsOneOf(head, BareYes) ? KnownItem(inner) : KnownItem(head);
    }

    private static string? KnownItem(string text)
    {
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

    // A cell as it is compared: full-width forms as ASCII (Ｎ → N), without surrounding spaces or trailing sentence
    // punctuation; a number as its shortest form (a number column written as text, 0.0 → 0).
    private static string Answer(string cell)
    {
        var text = FullWidthForms.ToAscii(cell).Trim().TrimEnd(TrailingPunctuation).TrimEnd();
        return text.Length > 0 && char.IsAsciiDigit(text[0]) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number.ToString(CultureInfo.InvariantCulture)
            : text;
    }

    private static bool IsOneOf(string text, string[] answers) =>
        Array.Exists(answers, answer => string.Equals(text, answer, StringComparison.OrdinalIgnoreCase));
}
