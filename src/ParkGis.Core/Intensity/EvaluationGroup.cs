namespace ParkGis.Core.Intensity;

/// <summary>One group of firms ranked together: a scope (全市, a 旗区 or a park) and, where the data says, 规上 or 规下.</summary>
/// <param name="Scope">The scope's name: <c>全市</c>, the 旗区, or the park id.</param>
/// <param name="Name">The group: <c>全部</c>, <c>规上</c>, <c>规下</c> or <c>规模未知</c>.</param>
/// <param name="Units">Firms graded in the group.</param>
/// <param name="Weights">The normalized weights the group is scored on (规下: 亩均税收 only).</param>
/// <param name="Benchmarks">The benchmark of each scored indicator.</param>
public sealed record EvaluationGroup(
    string Scope,
    string Name,
    int Units,
    IReadOnlyDictionary<EvaluationIndicator, double> Weights,
    IReadOnlyDictionary<EvaluationIndicator, double> Benchmarks);
