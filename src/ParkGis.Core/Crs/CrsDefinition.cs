namespace ParkGis.Core.Crs;

/// <summary>
/// A coordinate reference system ParkGis supports: CGCS2000 geographic (EPSG:4490), WGS 84 (EPSG:4326), or a
/// CGCS2000 Gauss-Krüger zone (3° zones EPSG:4513–4554, 6° zones EPSG:4491–4512), with or without the zone
/// number in front of the easting.
/// </summary>
/// <param name="Epsg">EPSG code.</param>
/// <param name="Name">EPSG name, e.g. <c>CGCS2000 / 3-degree Gauss-Kruger CM 108E</c>.</param>
/// <param name="IsGeographic">True for lon/lat systems.</param>
/// <param name="ZoneWidthDegrees">3 or 6 for Gauss-Krüger zones, 0 for geographic.</param>
/// <param name="Zone">Zone number (3°: 25–45, 6°: 13–23), null for geographic.</param>
/// <param name="CentralMeridian">Central meridian in degrees east, 0 for geographic.</param>
/// <param name="HasZonePrefix">True when the false easting carries the zone number (zone × 10⁶ + 500 000).</param>
public sealed record CrsDefinition(
    int Epsg,
    string Name,
    bool IsGeographic,
    int ZoneWidthDegrees,
    int? Zone,
    double CentralMeridian,
    bool HasZonePrefix)
{
    /// <summary><c>EPSG:4545</c>.</summary>
    public string Code => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"EPSG:{Epsg}");

    /// <summary>False easting in metres: 500 000, or zone × 10⁶ + 500 000 with the prefix.</summary>
    public double FalseEasting => IsGeographic ? 0 : (HasZonePrefix ? (Zone!.Value * 1_000_000.0) + 500_000.0 : 500_000.0);

    /// <inheritdoc />
    public override string ToString() => $"{Code} ({Name})";
}
