using ParkGis.Core.Localization;

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

    /// <summary>The Chinese name (always Chinese: fields named <c>*_zh</c>, the bureau's ledgers).</summary>
    public static string ChineseName(ConflictKind kind) => Localized.Chinese(LabelKey(kind));

    /// <summary>The name for people in the run's language: Chinese by default, English with <c>--lang en</c>.</summary>
    public static string Label(ConflictKind kind) => Localized.Get(LabelKey(kind));

    private static string LabelKey(ConflictKind kind) => kind switch
    {
        ConflictKind.EcologicalRedline => "ConflictKindEcologicalRedline",
        ConflictKind.PermanentFarmland => "ConflictKindPermanentFarmland",
        ConflictKind.OutsideUrbanBoundary => "ConflictKindOutsideUrbanBoundary",
        ConflictKind.ParkOverlap => "ConflictKindParkOverlap",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>
    /// Severity for styling: red line and farmland are prohibitions (<c>error</c>); outside the urban boundary
    /// and overlaps between parks are planning problems to resolve (<c>warning</c>).
    /// </summary>
    public static string Severity(ConflictKind kind) =>
        kind is ConflictKind.EcologicalRedline or ConflictKind.PermanentFarmland ? "error" : "warning";
}
