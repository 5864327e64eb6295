namespace ParkGis.Core.Intensity;

/// <summary>
/// Classes scores into grades A–D by rank percentile (亩均效益 分类): rank r (1 = best) of n has percentile
/// (r − 1) / n; A below the first cut-off, B below the second, C below the third, D from there. Equal scores
/// share the best rank among them (competition ranking, 1-2-2-4), so ties always get the same, better grade
/// (docs/rules.md#grades-cutoffs).
/// </summary>
public static class GradeClassing
{
    /// <summary>The grade letters in order.</summary>
    public static IReadOnlyList<string> Letters { get; } = ["A", "B", "C", "D"];

    /// <summary>The grade of each score, in input order.</summary>
    /// <param name="scores">Scores, higher is better.</param>
    /// <param name="cutoffs">Three ascending percentiles in (0, 1], e.g. 0.25, 0.70, 0.95.</param>
    public static IReadOnlyList<string> Classify(IReadOnlyList<double> scores, IReadOnlyList<double> cutoffs)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(cutoffs);
        if (cutoffs.Count != 3)
        {
            throw new ArgumentException("Three cut-offs are needed (A, B, C).", nameof(cutoffs));
        }

        // Ranked by sorting (n log n): a city-wide ranking holds every firm of the city, not of one park.
        var n = scores.Count;
        var ascending = scores.ToArray();
        Array.Sort(ascending);
        var grades = new string[n];
        for (var i = 0; i < n; i++)
        {
            // scores strictly better than this one = those after its last equal in ascending order
            int lo = 0, hi = n;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (ascending[mid] > scores[i])
                {
                    hi = mid;
                }
                else
                {
                    lo = mid + 1;
                }
            }

            var better = n - lo;
            var percentile = (double)better / n;
            grades[i] = percentile < cutoffs[0] ? "A" : percentile < cutoffs[1] ? "B" : percentile < cutoffs[2] ? "C" : "D";
        }

        return grades;
    }
}
