using NetTopologySuite.Geometries;
using ParkGis.Core.Crs;

namespace ParkGis.Core.Analysis;

/// <summary>
/// Chooses the projected CRS a feature is measured in. Projected data is analysed in its own zone; a
/// zone-prefixed CRS is analysed in the same zone without the prefix (a pure shift of the false easting that
/// keeps areas identical and keeps coordinates small enough for exact overlay). Lon/lat data is analysed in the
/// 3° Gauss-Krüger zone (EPSG:4534–4554) of the feature's own centroid.
/// </summary>
public static class AnalysisCrs
{
    /// <summary>The analysis CRS for a geometry stored in <paramref name="source"/>.</summary>
    public static CrsDefinition For(CrsDefinition source, Geometry geometry)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(geometry);
        if (source.IsGeographic)
        {
            var centroid = geometry.Centroid;
            var longitude = centroid.IsEmpty ? geometry.EnvelopeInternal.Centre.X : centroid.X;
            return CrsRegistry.GaussKruger3DegreeZoneFor(longitude);
        }

        return WithoutZonePrefix(source);
    }

    /// <summary>The same zone without the zone number in the easting; the CRS itself when it has none.</summary>
    public static CrsDefinition WithoutZonePrefix(CrsDefinition crs)
    {
        ArgumentNullException.ThrowIfNull(crs);
        if (!crs.HasZonePrefix || crs.Zone is not { } zone)
        {
            return crs;
        }

        var epsg = crs.ZoneWidthDegrees == 3 ? 4534 + (zone - 25) : 4502 + (zone - 13);
        return CrsRegistry.FromEpsg(epsg)
            ?? throw new InvalidOperationException($"No unprefixed CRS for {crs}.");
    }

    /// <summary>
    /// A function giving the planar area in m² of a geometry stored in <paramref name="source"/>, measured in
    /// its analysis CRS.
    /// </summary>
    public static Func<Geometry, double> AreaFunction(CrsDefinition source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!source.IsGeographic)
        {
            return g => g.Area;
        }

        return g => g.IsEmpty ? 0 : CrsTransform.Create(source, For(source, g)).Apply(g).Area;
    }
}
