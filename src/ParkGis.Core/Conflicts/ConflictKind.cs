namespace ParkGis.Core.Conflicts;

/// <summary>A kind of boundary conflict between a park and the control lines (三区三线) or another park.</summary>
public enum ConflictKind
{
    /// <summary>Park land inside the ecological protection red line — 生态保护红线 (docs/rules.md#conflict-redline).</summary>
    EcologicalRedline,

    /// <summary>Park land on permanent basic farmland — 永久基本农田 (docs/rules.md#conflict-farmland).</summary>
    PermanentFarmland,

    /// <summary>Park land outside the urban development boundary — 城镇开发边界外 (docs/rules.md#conflict-urban-boundary).</summary>
    OutsideUrbanBoundary,

    /// <summary>Park land also claimed by another park — 园区重叠.</summary>
    ParkOverlap,
}
