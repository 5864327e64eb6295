using System.Collections.Frozen;
using System.Globalization;

namespace ParkGis.Core.Crs;

/// <summary>
/// The CRSs ParkGis knows, with definitions embedded (ProjNET has no EPSG database): EPSG:4490, 4326, the
/// CGCS2000 3° Gauss-Krüger zones 4513–4554 and 6° zones 4491–4512.
/// </summary>
/// <remarks>
/// All Gauss-Krüger (高斯-克吕格投影) definitions are Transverse Mercator on the CGCS2000 ellipsoid
/// (a = 6 378 137 m, 1/f = 298.257222101) with scale factor 1, latitude of origin 0 and false northing 0.
/// </remarks>
public static class CrsRegistry
{
    /// <summary>EPSG:4490, CGCS2000 geographic (2000国家大地坐标系).</summary>
    internal const int Cgcs2000Geographic = 4490;

    /// <summary>EPSG:4326, WGS 84 geographic.</summary>
    internal const int Wgs84Geographic = 4326;

    /// <summary>Semi-major axis of the CGCS2000 ellipsoid in metres.</summary>
    internal const double Cgcs2000SemiMajorM = 6_378_137.0;

    /// <summary>Inverse flattening of the CGCS2000 ellipsoid.</summary>
    internal const double Cgcs2000InverseFlattening = 298.257222101;

    /// <summary>False easting of every zone without the zone prefix, in metres.</summary>
    internal const double UnprefixedFalseEastingM = 500_000.0;

    private const int First3DegreeZone = 25;
    private const int Last3DegreeZone = 45;
    private const int First6DegreeZone = 13;
    private const int Last6DegreeZone = 23;
    private const int First3DegreePrefixedEpsg = 4513;
    private const int First3DegreeUnprefixedEpsg = 4534;
    private const int First6DegreePrefixedEpsg = 4491;
    private const int First6DegreeUnprefixedEpsg = 4502;

    private static readonly FrozenDictionary<int, CrsDefinition> Definitions = BuildDefinitions();

    /// <summary>Every supported definition, ordered by EPSG code.</summary>
    public static IReadOnlyList<CrsDefinition> All { get; } = [.. Definitions.Values.OrderBy(d => d.Epsg)];

    /// <summary>The definition for an EPSG code, or null when ParkGis does not support it.</summary>
    public static CrsDefinition? FromEpsg(int epsg) => Definitions.GetValueOrDefault(epsg);

    /// <summary>
    /// Recognises a WKT definition (a .prj, a GeoPackage srs row, an OGC WKT) including ESRI-style names
    /// (<c>CGCS2000_3_Degree_GK_CM_108E</c>, <c>Gauss_Kruger</c>); null when it is not a supported CRS.
    /// </summary>
    /// <remarks>
    /// A top-level EPSG authority (<c>AUTHORITY["EPSG","4545"]</c>, <c>ID["EPSG",4545]</c>) naming a supported code
    /// is trusted. Otherwise the CRS is decided from its parameters, not its name: geographic or Transverse
    /// Mercator, CGCS2000 (or, for geographic CRSs, WGS 84) datum and ellipsoid, metres, scale factor 1,
    /// latitude of origin 0, false northing 0, a central meridian on the zone grid and a false easting of
    /// 500 000 or zone × 10⁶ + 500 000. The name is only used to tell a 3° zone from a 6° zone that shares its
    /// central meridian (every 6° central meridian is also a 3° one); without such a hint the 3° zone is chosen,
    /// since surveys use 3° zones. Any other datum (Xian 1980, Beijing 1954, …) or projection gives null, as does
    /// text that is not WKT.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="wkt"/> is null.</exception>
    public static CrsDefinition? FromWkt(string wkt)
    {
        ArgumentNullException.ThrowIfNull(wkt);
        WktNode? root = WktParser.TryParse(wkt);
        return root is null ? null : WktCrsRecognizer.Recognize(root);
    }

    /// <summary>The 3° zone without prefix (EPSG:4534–4554) whose central meridian is nearest to a longitude.</summary>
    /// <param name="longitude">Longitude in degrees east, 73.5–136.5.</param>
    /// <exception cref="ArgumentOutOfRangeException">The longitude is outside 73.5°E–136.5°E (or not a number).</exception>
    public static CrsDefinition GaussKruger3DegreeZoneFor(double longitude)
    {
        if (!(longitude >= 73.5 && longitude <= 136.5))
        {
            throw new ArgumentOutOfRangeException(
                nameof(longitude),
                longitude,
                "Longitude must be within 73.5°E–136.5°E, the CGCS2000 3-degree Gauss-Kruger zones 25–45.");
        }

        // Midway between two central meridians the eastern zone wins; 136.5°E still belongs to zone 45.
        int zone = Math.Min((int)Math.Round(longitude / 3.0, MidpointRounding.AwayFromZero), Last3DegreeZone);
        return Definitions[First3DegreeUnprefixedEpsg + (zone - First3DegreeZone)];
    }

    /// <summary>
    /// The zone-prefixed Gauss-Krüger CRS an 8-digit easting implies (prefix 25–45: 3° zones EPSG:4513–4533;
    /// 13–23: 6° zones EPSG:4491–4501), or null when the easting carries no valid prefix.
    /// </summary>
    /// <remarks>The easting without its prefix must also be plausible (200 000–800 000 m).</remarks>
    public static CrsDefinition? FromPrefixedEasting(double easting)
    {
        if (!double.IsFinite(easting) || easting < 1_000_000.0)
        {
            return null;
        }

        double prefix = Math.Floor(easting / 1_000_000.0);
        double remainder = easting - (prefix * 1_000_000.0);
        if (remainder is < 200_000.0 or > 800_000.0)
        {
            return null;
        }

        return prefix switch
        {
            >= First3DegreeZone and <= Last3DegreeZone => Definitions[First3DegreePrefixedEpsg + (int)prefix - First3DegreeZone],
            >= First6DegreeZone and <= Last6DegreeZone => Definitions[First6DegreePrefixedEpsg + (int)prefix - First6DegreeZone],
            _ => null,
        };
    }

    /// <summary>The supported Gauss-Krüger definition with these parameters, or null.</summary>
    /// <param name="centralMeridian">Central meridian in degrees east.</param>
    /// <param name="falseEastingM">False easting in metres.</param>
    /// <param name="preferSixDegree">Choose the 6° zone when a 3° and a 6° zone share the central meridian.</param>
    internal static CrsDefinition? FromGaussKrugerParameters(double centralMeridian, double falseEastingM, bool preferSixDegree)
    {
        double threes = centralMeridian / 3.0;
        if (!double.IsFinite(threes) || Math.Abs(threes - Math.Round(threes)) > 1e-9)
        {
            return null;
        }

        int zone3 = (int)Math.Round(threes);
        if (zone3 is < First3DegreeZone or > Last3DegreeZone)
        {
            return null;
        }

        int cm = zone3 * 3;
        bool sharesSixDegree = (cm + 3) % 6 == 0;
        int zone6 = (cm + 3) / 6;

        if (Math.Abs(falseEastingM - UnprefixedFalseEastingM) < 1e-6)
        {
            return sharesSixDegree && preferSixDegree
                ? Definitions[First6DegreeUnprefixedEpsg + ((cm - 75) / 6)]
                : Definitions[First3DegreeUnprefixedEpsg + (zone3 - First3DegreeZone)];
        }

        if (Math.Abs(falseEastingM - ((zone3 * 1_000_000.0) + UnprefixedFalseEastingM)) < 1e-6)
        {
            return Definitions[First3DegreePrefixedEpsg + (zone3 - First3DegreeZone)];
        }

        if (sharesSixDegree && Math.Abs(falseEastingM - ((zone6 * 1_000_000.0) + UnprefixedFalseEastingM)) < 1e-6)
        {
            return Definitions[First6DegreePrefixedEpsg + (zone6 - First6DegreeZone)];
        }

        return null;
    }

    private static FrozenDictionary<int, CrsDefinition> BuildDefinitions()
    {
        var list = new List<CrsDefinition>
        {
            new(Cgcs2000Geographic, "China Geodetic Coordinate System 2000", true, 0, null, 0, false),
            new(Wgs84Geographic, "WGS 84", true, 0, null, 0, false),
        };

        for (int zone = First3DegreeZone; zone <= Last3DegreeZone; zone++)
        {
            int cm = zone * 3;
            list.Add(new CrsDefinition(
                First3DegreePrefixedEpsg + zone - First3DegreeZone,
                Invariant($"CGCS2000 / 3-degree Gauss-Kruger zone {zone}"),
                false, 3, zone, cm, true));
            list.Add(new CrsDefinition(
                First3DegreeUnprefixedEpsg + zone - First3DegreeZone,
                Invariant($"CGCS2000 / 3-degree Gauss-Kruger CM {cm}E"),
                false, 3, zone, cm, false));
        }

        for (int zone = First6DegreeZone; zone <= Last6DegreeZone; zone++)
        {
            int cm = (zone * 6) - 3;
            list.Add(new CrsDefinition(
                First6DegreePrefixedEpsg + zone - First6DegreeZone,
                Invariant($"CGCS2000 / Gauss-Kruger zone {zone}"),
                false, 6, zone, cm, true));
            list.Add(new CrsDefinition(
                First6DegreeUnprefixedEpsg + zone - First6DegreeZone,
                Invariant($"CGCS2000 / Gauss-Kruger CM {cm}E"),
                false, 6, zone, cm, false));
        }

        return list.ToFrozenDictionary(d => d.Epsg);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
