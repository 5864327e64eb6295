namespace ParkGis.Core.Supply;

/// <summary>
/// Which patches of the land-use survey (三调 / 变更调查 地类图斑, layer role <c>land_use</c>) are existing construction
/// land (存量建设用地), on which supplied land is not 未批先供 (rules file <c>supply.existing_construction</c>,
/// docs/rules.md#supply-unapproved).
/// </summary>
/// <param name="Codes">
/// Code prefixes: a patch counts when its 城镇村属性码 (<c>CZCSXM</c>) or its 地类编码 (<c>DLBM</c>) starts with one of
/// them. Default: the 20x classes 201–205 (三调's CZCSXM, 二调's DLBM) and the 三调 construction classes.
/// </param>
/// <param name="CollectiveCounts">
/// Collective land (权属性质 <c>QSXZ</c> 3x/4x) counts as existing construction land too; default false, because
/// supplying it as state land still needs 征收 (an approval batch).
/// </param>
public sealed record ExistingConstruction(IReadOnlyList<string> Codes, bool CollectiveCounts = false)
{
    /// <summary>201–205; 三调 05, 06, 07, 08, 09, 1001–1005, 1007–1009, 1109, 1201; collective land not counted.</summary>
    public static ExistingConstruction Default { get; } = new(
        ["201", "202", "203", "204", "205", "05", "06", "07", "08", "09", "1001", "1002", "1003", "1004", "1005", "1007", "1008", "1009", "1109", "1201"]);

    /// <summary>True when a patch with these attributes is existing construction land under this rule.</summary>
    /// <param name="czcsxm">城镇村属性码, or null.</param>
    /// <param name="dlbm">地类编码, or null.</param>
    /// <param name="qsxz">权属性质, or null (unknown ownership is taken as state land: 三调 records it on every patch).</param>
    public bool Covers(string? czcsxm, string? dlbm, string? qsxz)
    {
        // docs/rules.md#supply-unapproved
        if (!CollectiveCounts && qsxz is { Length: > 0 } q && q[0] is '3' or '4')
        {
            return false;
        }

        return Matches(czcsxm) || Matches(dlbm);
    }

    private bool Matches(string? code) =>
        code is { Length: > 0 } c && Codes.Any(prefix => c.StartsWith(prefix, StringComparison.Ordinal));
}
