namespace ParkGis.Core.Measures;

/// <summary>Area conversions for output. Areas are stored in m²; 亩 and 公顷 exist only at output.</summary>
public static class AreaUnits
{
    /// <summary>Square metres in one 亩 (mu): exactly 10000/15.</summary>
    public const double SquareMetresPerMu = 10000.0 / 15.0;

    /// <summary>Square metres in one 公顷 (hectare).</summary>
    public const double SquareMetresPerHectare = 10000.0;

    /// <summary>m² → 亩.</summary>
    public static double ToMu(double areaM2) => areaM2 * 15.0 / 10000.0;

    /// <summary>m² → 公顷.</summary>
    public static double ToHectares(double areaM2) => areaM2 / SquareMetresPerHectare;
}
