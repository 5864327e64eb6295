namespace ParkGis.Core.Scorecard;

/// <summary>
/// How one indicator is scored: linearly from 0 points at <paramref name="ZeroScoreAt"/> to 100 points at
/// <paramref name="FullScoreAt"/>, clamped to 0–100; either end may be the larger, so the same rule scores
/// "higher is better" and "lower is better".
/// </summary>
/// <param name="Weight">Weight in the composite (0 = reported but not scored).</param>
/// <param name="ZeroScoreAt">The value that scores 0.</param>
/// <param name="FullScoreAt">The value that scores 100.</param>
public sealed record IndicatorRule(double Weight, double ZeroScoreAt, double FullScoreAt)
{
    /// <summary>The score (0–100) of a value.</summary>
    public double Score(double value)
    {
        var t = (value - ZeroScoreAt) / (FullScoreAt - ZeroScoreAt);
        return 100 * Math.Clamp(t, 0, 1);
    }
}
