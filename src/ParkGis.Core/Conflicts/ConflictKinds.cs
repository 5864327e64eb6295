namespace ParkGis.Core.Conflicts;

/// <summary>Names of conflict kinds as written in check.json and conflicts.geojson, and for people.</summary>
public static class ConflictKinds
{
    /// <summary>Every park conflict kind, in output order.</summary>
    public static IReadOnlyList<ConflictKind> All { get; } =
        [ConflictKind.EcologicalRedline, ConflictKind.PermanentFarmland, ConflictKind.OutsideUrbanBoundary, ConflictKind.ParkOverlap];

    /// <summary>The JSON key: <c>ecological_redline</c>, <c>permanent_farmland</c>, <c>outside_urban_boundary</c>, <c>park_overlap</c>.</summary>
    public static string Name(ConflictKind kind) => kind switch
    {
        ConflictKind.EcologicalRedline => "ecological_redline",
        ConflictKind.PermanentFarmland => "permanent_farmland",
        ConflictKind.OutsideUrbanBoundary => "outside_urban_boundary",
        ConflictKind.ParkOverlap => "park_overlap",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The Chinese label for tables and maps.</summary>
    public static string ChineseName(ConflictKind kind) => kind switch
    {
        ConflictKind.EcologicalRedline => "占生态保护红线",
        ConflictKind.PermanentFarmland => "占永久基本农田",
        ConflictKind.OutsideUrbanBoundary => "城镇开发边界外",
        ConflictKind.ParkOverlap => "与其他园区重叠",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>
    /// Severity for styling: red line and farmland are prohibitions (<c>error</c>); outside the urban boundary
    /// and overlaps between parks are planning problems to resolve (<c>warning</c>).
    /// </summary>
    public static string Severity(ConflictKind kind) =>
        kind is ConflictKind.EcologicalRedline or ConflictKind.PermanentFarmland ? "error" : "warning";
}
