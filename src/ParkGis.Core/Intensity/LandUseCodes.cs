namespace ParkGis.Core.Intensity;

/// <summary>
/// Maps land-use codes (用地分类代码) of either code list to <see cref="LandUseCategory"/>, and tells the code list
/// of a dataset from the shape of its codes when configuration does not name it.
/// </summary>
/// <remarks>
/// Detection: a code of six digits, or whose first level is 13–24 (levels the 三调 list does not have), is
/// 用地用海; a code with a letter (05H1, 08H2, 1109A) or 0508 (物流仓储 exists only in 三调) is 三调. Codes that
/// fit both (0601, 1001, 1101) decide nothing. Evidence for both lists means the dataset mixes them.
/// </remarks>
public static class LandUseCodes
{
    /// <summary>The category of <paramref name="code"/> read in <paramref name="list"/>.</summary>
    public static LandUseCategory Categorize(string? code, LandUseCodeList list)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return LandUseCategory.Unknown;
        }

        var text = code.Trim();
        if (text.Length < 2 || !char.IsAsciiDigit(text[0]) || !char.IsAsciiDigit(text[1]))
        {
            return LandUseCategory.Unknown;
        }

        return list switch
        {
            LandUseCodeList.SpatialPlanning => text switch
            {
                _ when text.StartsWith("1001", StringComparison.Ordinal) => LandUseCategory.Industrial,
                _ when text.StartsWith("1002", StringComparison.Ordinal) => LandUseCategory.Mining,
                _ when text.StartsWith("1101", StringComparison.Ordinal) || text.StartsWith("1102", StringComparison.Ordinal) => LandUseCategory.Logistics,
                _ when text.StartsWith("13", StringComparison.Ordinal) => LandUseCategory.Utility,
                _ => LandUseCategory.Other,
            },
            LandUseCodeList.LandSurvey => text switch
            {
                "0601" => LandUseCategory.Industrial,
                "0602" => LandUseCategory.Mining,
                "0508" => LandUseCategory.Logistics,
                "0809" => LandUseCategory.Utility,
                _ => LandUseCategory.Other,
            },
            _ => throw new ArgumentOutOfRangeException(nameof(list), list, null),
        };
    }

    /// <summary>The code list a single code proves, or null when it fits both (or neither).</summary>
    public static LandUseCodeList? Evidence(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var text = code.Trim();
        if (text.Any(char.IsAsciiLetter) || text == "0508")
        {
            return LandUseCodeList.LandSurvey;
        }

        if (!text.All(char.IsAsciiDigit))
        {
            return null;
        }

        if (text.Length == 6)
        {
            return LandUseCodeList.SpatialPlanning;
        }

        return text.Length >= 2 && int.Parse(text.AsSpan(0, 2), System.Globalization.CultureInfo.InvariantCulture) is >= 13 and <= 24
            ? LandUseCodeList.SpatialPlanning
            : null;
    }

    /// <summary>
    /// The code list the codes prove: <c>(list, false)</c> when they point one way, <c>(null, true)</c> when they
    /// point both ways (mixed), <c>(null, false)</c> when no code decides.
    /// </summary>
    public static (LandUseCodeList? List, bool Mixed) Detect(IEnumerable<string?> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        var seen = new HashSet<LandUseCodeList>();
        foreach (var code in codes)
        {
            if (Evidence(code) is { } list)
            {
                seen.Add(list);
            }
        }

        return seen.Count switch
        {
            1 => (seen.First(), false),
            0 => (null, false),
            _ => (null, true),
        };
    }

    /// <summary>The name used in parkgis.json and output: <c>用地用海</c> or <c>三调</c>.</summary>
    public static string Name(LandUseCodeList list) => list switch
    {
        LandUseCodeList.SpatialPlanning => "用地用海",
        LandUseCodeList.LandSurvey => "三调",
        _ => throw new ArgumentOutOfRangeException(nameof(list), list, null),
    };

    /// <summary>Parses a configured code-list name (<c>用地用海</c>/<c>spatial_planning</c>, <c>三调</c>/<c>land_survey</c>).</summary>
    public static bool TryParse(string? name, out LandUseCodeList list)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case "用地用海" or "spatial_planning":
                list = LandUseCodeList.SpatialPlanning;
                return true;
            case "三调" or "land_survey":
                list = LandUseCodeList.LandSurvey;
                return true;
            default:
                list = default;
                return false;
        }
    }
}
