namespace ParkGis.Core.Measures;

/// <summary>
/// The largest magnitude ParkGis takes from data or a settings file: 10¹². No area in m², amount in 万元, ratio, weight
/// or distance of a real park comes near it, and sums of millions of such values stay finite, so no total ever
/// overflows to infinity. A value beyond it (1e308 in a price column) is reported and not used, never computed with.
/// </summary>
public static class NumberLimits
{
    /// <summary>The largest magnitude accepted.</summary>
    public const double MaxMagnitude = 1e12;

    /// <summary>The limit as people read it, for messages.</summary>
    public const string MaxMagnitudeText = "10¹²";

    /// <summary>True for a finite value within ±<see cref="MaxMagnitude"/>.</summary>
    public static bool IsWithin(double value) => double.IsFinite(value) && Math.Abs(value) <= MaxMagnitude;
}
