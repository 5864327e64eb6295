namespace ParkGis.Core.Crs;

/// <summary>
/// The CRSs ParkGis knows, with definitions embedded (ProjNET has no EPSG database): EPSG:4490, 4326, the
/// CGCS2000 3° Gauss-Krüger zones 4513–4554 and 6° zones 4491–4512.
/// </summary>
public static class CrsRegistry
{
    /// <summary>The definition for an EPSG code, or null when ParkGis does not support it.</summary>
    public static CrsDefinition? FromEpsg(int epsg) => throw new NotImplementedException();

    /// <summary>
    /// Recognises a WKT definition (a .prj, a GeoPackage srs row, an OGC WKT) including ESRI-style names
    /// (<c>CGCS2000_3_Degree_GK_CM_108E</c>, <c>Gauss_Kruger</c>); null when it is not a supported CRS.
    /// </summary>
    public static CrsDefinition? FromWkt(string wkt) => throw new NotImplementedException();

    /// <summary>The 3° zone without prefix (EPSG:4534–4554) whose central meridian is nearest to a longitude.</summary>
    public static CrsDefinition GaussKruger3DegreeZoneFor(double longitude) => throw new NotImplementedException();

    /// <summary>
    /// The zone-prefixed Gauss-Krüger CRS an 8-digit easting implies (prefix 25–45: 3° zones EPSG:4513–4533;
    /// 13–23: 6° zones EPSG:4491–4501), or null when the easting carries no valid prefix.
    /// </summary>
    public static CrsDefinition? FromPrefixedEasting(double easting) => throw new NotImplementedException();
}
