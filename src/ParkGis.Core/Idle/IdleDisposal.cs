namespace ParkGis.Core.Idle;

/// <summary>
/// The disposal a bureau would propose for one idle parcel (处置建议) and the article it rests on. A suggestion,
/// not a decision: 第十四条 requires the government's approval and 第十二条 an agreement with the holder.
/// </summary>
/// <param name="Article">The article, e.g. 闲置土地处置办法第十四条第（一）项.</param>
/// <param name="Measures">The measures, in the order the article lists them.</param>
/// <param name="Basis"><c>statute</c> when the article says so; <c>local_rule</c> when a local choice of the rules file applies it (halted land).</param>
public sealed record IdleDisposal(string Article, IReadOnlyList<string> Measures, string Basis)
{
    /// <summary>Equal when article, basis and every measure are.</summary>
    public bool Equals(IdleDisposal? other) =>
        other is not null && Article == other.Article && Basis == other.Basis && Measures.SequenceEqual(other.Measures, StringComparer.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Article, Basis, Measures.Count);
}
