using System.Text;

namespace ParkGis.Core.Crs;

/// <summary>
/// Maps a parsed WKT tree (OGC WKT1, ESRI .prj, WKT2) to a supported <see cref="CrsDefinition"/> by its EPSG
/// authority or, failing that, by its parameters. See <see cref="CrsRegistry.FromWkt"/> for the rules.
/// </summary>
internal static class WktCrsRecognizer
{
    private const double DegreeInRadians = Math.PI / 180.0;

    private static readonly string[] ProjectedKeywords = ["PROJCS", "PROJCRS", "PROJECTEDCRS"];
    private static readonly string[] GeographicKeywords = ["GEOGCS", "GEOGCRS", "GEOGRAPHICCRS", "GEODCRS", "GEODETICCRS"];
    private static readonly string[] BaseGeographicKeywords = ["GEOGCS", "BASEGEOGCRS", "BASEGEODCRS", "GEOGCRS", "GEODCRS"];
    private static readonly string[] AuthorityKeywords = ["AUTHORITY", "ID"];
    private static readonly string[] DatumKeywords = ["DATUM", "GEODETICDATUM", "TRF", "ENSEMBLE"];
    private static readonly string[] EllipsoidKeywords = ["SPHEROID", "ELLIPSOID"];
    private static readonly string[] UnitKeywords = ["UNIT", "LENGTHUNIT", "ANGLEUNIT"];

    private enum Datum
    {
        Unknown,
        Cgcs2000,
        Wgs84,
        Other,
    }

    public static CrsDefinition? Recognize(WktNode root)
    {
        WktNode? crs = HorizontalCrs(root);
        if (crs is null)
        {
            return null;
        }

        if (AuthorityCode(crs) is int code && CrsRegistry.FromEpsg(code) is CrsDefinition byAuthority)
        {
            return byAuthority;
        }

        return ProjectedKeywords.Contains(crs.Keyword, StringComparer.Ordinal)
            ? RecognizeProjected(crs)
            : RecognizeGeographic(crs);
    }

    /// <summary>The horizontal CRS: the root itself, or the horizontal part of a compound or bound CRS.</summary>
    private static WktNode? HorizontalCrs(WktNode node)
    {
        if (ProjectedKeywords.Contains(node.Keyword, StringComparer.Ordinal)
            || GeographicKeywords.Contains(node.Keyword, StringComparer.Ordinal))
        {
            return node;
        }

        if (node.Keyword is "COMPD_CS" or "COMPOUNDCRS")
        {
            return node.Children.Select(HorizontalCrs).FirstOrDefault(child => child is not null);
        }

        if (node.Keyword == "BOUNDCRS" && node.Child("SOURCECRS") is WktNode source)
        {
            return source.Children.Select(HorizontalCrs).FirstOrDefault(child => child is not null);
        }

        return null;
    }

    private static int? AuthorityCode(WktNode crs)
    {
        foreach (WktNode authority in crs.ChildrenWith(AuthorityKeywords))
        {
            if (string.Equals(authority.Text(0), "EPSG", StringComparison.OrdinalIgnoreCase)
                && authority.Number(1) is double code
                && code == Math.Floor(code)
                && code is > 0 and < int.MaxValue)
            {
                return (int)code;
            }
        }

        return null;
    }

    private static CrsDefinition? RecognizeGeographic(WktNode geographic)
    {
        // A WKT2 GEODCRS may be geocentric (Cartesian); only ellipsoidal 2D/3D systems are geographic.
        if (geographic.Child("CS") is WktNode cs && !string.Equals(cs.Text(0), "ellipsoidal", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (!HasDegreeUnitsAndGreenwich(geographic))
        {
            return null;
        }

        return DatumOf(geographic) switch
        {
            Datum.Cgcs2000 => CrsRegistry.FromEpsg(CrsRegistry.Cgcs2000Geographic),
            Datum.Wgs84 => CrsRegistry.FromEpsg(CrsRegistry.Wgs84Geographic),
            _ => null,
        };
    }

    private static CrsDefinition? RecognizeProjected(WktNode projected)
    {
        WktNode? baseCrs = projected.Child(BaseGeographicKeywords);
        if (baseCrs is null || DatumOf(baseCrs) != Datum.Cgcs2000 || !HasDegreeUnitsAndGreenwich(baseCrs))
        {
            return null;
        }

        // WKT1 and ESRI: PROJECTION and PARAMETER are children of PROJCS; WKT2: of CONVERSION, with METHOD.
        WktNode parameterHolder = projected.Child("CONVERSION") ?? projected;
        WktNode? method = parameterHolder.Child("PROJECTION", "METHOD");
        if (method is null || !IsTransverseMercator(method))
        {
            return null;
        }

        if (!HasMetreUnits(projected))
        {
            return null;
        }

        double? angularUnitInRadians = baseCrs.Child("UNIT", "ANGLEUNIT")?.Number(1);
        var parameters = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (WktNode parameter in parameterHolder.ChildrenWith("PARAMETER"))
        {
            if (parameter.Number(1) is not double value)
            {
                return null;
            }

            string key = ParameterKey(parameter);
            if (key is "CM" or "LAT0" && (parameter.Child(UnitKeywords)?.Number(1) ?? angularUnitInRadians) is double radians)
            {
                value = value * radians / DegreeInRadians;
            }
            else if (key is "FE" or "FN" && parameter.Child(UnitKeywords)?.Number(1) is double metres)
            {
                value *= metres;
            }

            parameters[key] = value;
        }

        if (!parameters.TryGetValue("CM", out double centralMeridian) || !parameters.TryGetValue("FE", out double falseEasting))
        {
            return null;
        }

        if (Math.Abs(parameters.GetValueOrDefault("K", 1.0) - 1.0) > 1e-12
            || Math.Abs(parameters.GetValueOrDefault("LAT0", 0.0)) > 1e-9
            || Math.Abs(parameters.GetValueOrDefault("FN", 0.0)) > 1e-6)
        {
            return null;
        }

        return CrsRegistry.FromGaussKrugerParameters(centralMeridian, falseEasting, NamesSixDegreeZone(projected.Name));
    }

    private static bool IsTransverseMercator(WktNode method)
    {
        string name = Normalize(method.Name);
        if (name is "TRANSVERSEMERCATOR" or "GAUSSKRUGER" or "GAUSSKRUEGER" or "GAUSSKRÜGER" or "TMERC")
        {
            return true;
        }

        // WKT2 METHOD["…", ID["EPSG",9807]]: trust the method code whatever the name.
        return method.ChildrenWith(AuthorityKeywords).Any(id =>
            string.Equals(id.Text(0), "EPSG", StringComparison.OrdinalIgnoreCase) && id.Number(1) == 9807);
    }

    /// <summary>A short key for the parameter, from its EPSG code (WKT2) or its OGC, ESRI or EPSG name.</summary>
    private static string ParameterKey(WktNode parameter)
    {
        foreach (WktNode id in parameter.ChildrenWith(AuthorityKeywords))
        {
            if (string.Equals(id.Text(0), "EPSG", StringComparison.OrdinalIgnoreCase))
            {
                switch (id.Number(1))
                {
                    case 8801: return "LAT0";
                    case 8802: return "CM";
                    case 8805: return "K";
                    case 8806: return "FE";
                    case 8807: return "FN";
                }
            }
        }

        return Normalize(parameter.Name) switch
        {
            "CENTRALMERIDIAN" or "LONGITUDEOFNATURALORIGIN" or "LONGITUDEOFORIGIN" or "LONGITUDEOFCENTER" or "LONGITUDEOFCENTRE" => "CM",
            "LATITUDEOFORIGIN" or "LATITUDEOFNATURALORIGIN" or "LATITUDEOFCENTER" or "LATITUDEOFCENTRE" => "LAT0",
            "SCALEFACTOR" or "SCALEFACTORATNATURALORIGIN" or "SCALEFACTORATCENTRALMERIDIAN" => "K",
            "FALSEEASTING" => "FE",
            "FALSENORTHING" => "FN",
            var other => "OTHER:" + other,
        };
    }

    private static Datum DatumOf(WktNode geographic)
    {
        WktNode? datum = geographic.Child(DatumKeywords);
        WktNode? ellipsoid = datum?.Child(EllipsoidKeywords) ?? geographic.Child(EllipsoidKeywords);
        if (ellipsoid?.Number(1) is not double semiMajor || ellipsoid.Number(2) is not double inverseFlattening)
        {
            return Datum.Unknown;
        }

        if (ellipsoid.Child("LENGTHUNIT", "UNIT")?.Number(1) is double metresPerUnit)
        {
            semiMajor *= metresPerUnit;
        }

        bool grs80Shape = Math.Abs(semiMajor - CrsRegistry.Cgcs2000SemiMajorM) < 1e-3
            && Math.Abs(inverseFlattening - CrsRegistry.Cgcs2000InverseFlattening) < 1e-6;
        bool wgs84Shape = Math.Abs(semiMajor - CrsRegistry.Cgcs2000SemiMajorM) < 1e-3
            && Math.Abs(inverseFlattening - 298.257223563) < 1e-6;
        if (!grs80Shape && !wgs84Shape)
        {
            return Datum.Other;
        }

        // Datum names as EPSG, ESRI, GDAL and QGIS write them; a nonzero TOWGS84 marks another datum.
        string datumName = Normalize(datum?.Name ?? string.Empty);
        if (datum?.Child("TOWGS84") is WktNode toWgs84 && toWgs84.Arguments.Any(a => a is double value && value != 0))
        {
            return Datum.Other;
        }

        if (datumName.Contains("CHINA2000", StringComparison.Ordinal)
            || datumName.Contains("CGCS2000", StringComparison.Ordinal)
            || datumName.Contains("CHINAGEODETICCOORDINATESYSTEM2000", StringComparison.Ordinal))
        {
            return grs80Shape ? Datum.Cgcs2000 : Datum.Other;
        }

        if (datumName.Contains("WGS84", StringComparison.Ordinal)
            || datumName.Contains("WGS1984", StringComparison.Ordinal)
            || datumName.Contains("WORLDGEODETICSYSTEM1984", StringComparison.Ordinal))
        {
            return Datum.Wgs84;
        }

        // An unnamed or generic datum ("unknown", "Not specified (based on GRS 1980 ellipsoid)"): decide by shape.
        bool unnamed = datumName.Length == 0
            || datumName.Contains("UNKNOWN", StringComparison.Ordinal)
            || datumName.Contains("NOTSPECIFIED", StringComparison.Ordinal)
            || datumName.Contains("UNSPECIFIED", StringComparison.Ordinal)
            || datumName.Contains("GRS1980", StringComparison.Ordinal)
            || datumName.Contains("GRS80", StringComparison.Ordinal);
        if (!unnamed)
        {
            // A named datum on the GRS 80 ellipsoid that is not CGCS2000 (ITRF, NAD83, ETRS89…) is another datum.
            return Datum.Other;
        }

        return grs80Shape ? Datum.Cgcs2000 : Datum.Wgs84;
    }

    private static bool HasDegreeUnitsAndGreenwich(WktNode geographic)
    {
        if (geographic.Child("PRIMEM") is WktNode primeMeridian && primeMeridian.Number(1) is double longitude && longitude != 0)
        {
            return false;
        }

        foreach (WktNode unit in UnitsOf(geographic))
        {
            if (unit.Number(1) is double radians && Math.Abs((radians / DegreeInRadians) - 1.0) > 1e-9)
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasMetreUnits(WktNode projected)
    {
        foreach (WktNode unit in UnitsOf(projected))
        {
            if (unit.Number(1) is double metres && Math.Abs(metres - 1.0) > 1e-12)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The units that apply to the CRS's coordinates: its own UNIT (WKT1) or those of its axes (WKT2).</summary>
    private static IEnumerable<WktNode> UnitsOf(WktNode crs) =>
        crs.ChildrenWith(UnitKeywords)
            .Concat(crs.ChildrenWith("AXIS").SelectMany(axis => axis.ChildrenWith(UnitKeywords)));

    /// <summary>True when the name says 6° zone: ESRI <c>CGCS2000_GK_CM_105E</c>/<c>_Zone_18</c>, EPSG <c>CGCS2000 / Gauss-Kruger …</c>.</summary>
    private static bool NamesSixDegreeZone(string name)
    {
        string normalized = Normalize(name);
        return !normalized.Contains("3DEGREE", StringComparison.Ordinal)
            && (normalized.StartsWith("CGCS2000GKCM", StringComparison.Ordinal)
                || normalized.StartsWith("CGCS2000GKZONE", StringComparison.Ordinal)
                || normalized.StartsWith("CGCS2000GAUSSKRUGERCM", StringComparison.Ordinal)
                || normalized.StartsWith("CGCS2000GAUSSKRUGERZONE", StringComparison.Ordinal));
    }

    /// <summary>Upper-case letters and digits only: <c>D_China_2000</c> and <c>China 2000</c> both give <c>DCHINA2000</c>/<c>CHINA2000</c>.</summary>
    private static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToUpperInvariant(c));
            }
        }

        return builder.ToString();
    }
}
