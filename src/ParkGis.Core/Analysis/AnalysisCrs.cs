using System.Globalization;
using NetTopologySuite.Geometries;
using ParkGis.Core.Crs;
using ParkGis.Core.Data;
using ParkGis.Core.Errors;
using ParkGis.Core.Localization;

namespace ParkGis.Core.Analysis;

/// <summary>
/// The one rule choosing the projected CRS a figure is measured in (分析坐标系), used by the local engine and
/// mirrored by the SQL of the in-database engine. Projected data is analysed in its own zone; a zone-prefixed CRS
/// is analysed in the same zone without the prefix (a pure shift of the false easting that keeps areas identical
/// and keeps coordinates small enough for exact overlay). Lon/lat data is analysed in a CGCS2000 3° Gauss-Krüger
/// zone (EPSG:4534–4554): a feature's own figures in the zone of the feature's centroid; a figure shared by
/// several features — the overlap of two parcels, a cluster of overlapping parcels — in the zone of the centroid of
/// that piece or cluster (<see cref="ForShared"/>), so that no result depends on the order of the features.
/// Lon/lat coordinates outside the zones (<see cref="MinLongitude"/>–<see cref="MaxLongitude"/>) cannot be
/// measured and are unusable input (<see cref="RequireZones"/>).
/// </summary>
public static class AnalysisCrs
{
    /// <summary>The western edge of CGCS2000 3° zone 25 (central meridian 75°E), the first of China.</summary>
    public const double MinLongitude = 73.5;

    /// <summary>The eastern edge of CGCS2000 3° zone 45 (central meridian 135°E), the last of China.</summary>
    public const double MaxLongitude = 136.5;

    /// <summary>
    /// Throws when a lon/lat layer has a coordinate outside the 3° zones of China: such a feature has no zone to be
    /// measured in. Projected layers carry their zone and pass.
    /// </summary>
    /// <exception cref="UnusableInputException">PG0203 naming the layer's source, the first such feature and the longitude.</exception>
    public static void RequireZones(Layer layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        if (!layer.Crs.IsGeographic)
        {
            return;
        }

        foreach (var feature in layer.Features)
        {
            if (feature.Geometry is not { IsEmpty: false } geometry)
            {
                continue;
            }

            var envelope = geometry.EnvelopeInternal;
            if (envelope.MinX >= MinLongitude && envelope.MaxX <= MaxLongitude)
            {
                continue;
            }

            throw OutsideZones(layer.Source, feature.Id, envelope.MinX < MinLongitude ? envelope.MinX : envelope.MaxX);
        }
    }

    /// <summary>The error for a feature reaching <paramref name="longitude"/>, outside the zones (PG0203; both engines word it so).</summary>
    public static UnusableInputException OutsideZones(string source, string featureId, double longitude) => new(
        ErrorCodes.ImplausibleCoordinates,
        Localized.Format("LongitudeOutsideZones", featureId, source, longitude, MinLongitude, MaxLongitude),
        source,
        featureId,
        Localized.Get("LongitudeOutsideZonesHint"));

    /// <summary>
    /// The analysis CRS of a figure shared by several features (a pairwise overlap, a cluster of overlapping
    /// parcels): for lon/lat data the zone of the centroid of <paramref name="pieces"/> together, whatever order they
    /// come in; for projected data the same CRS as <see cref="For"/>.
    /// </summary>
    /// <param name="source">The CRS the features are stored in.</param>
    /// <param name="piecesCrs">The CRS <paramref name="pieces"/> are in (the source CRS or a projected zone).</param>
    /// <param name="pieces">The polygons the figure is made of.</param>
    public static CrsDefinition ForShared(CrsDefinition source, CrsDefinition piecesCrs, IReadOnlyList<Geometry> pieces)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(piecesCrs);
        ArgumentNullException.ThrowIfNull(pieces);
        if (!source.IsGeographic)
        {
            return WithoutZonePrefix(source);
        }

        // Area-weighted centroid of the pieces, summed in a fixed order (by position) so that it does not depend on theirs.
        var weighted = new List<(double X, double Y, double Area)>(pieces.Count);
        foreach (var piece in pieces)
        {
            if (piece.IsEmpty)
            {
                continue;
            }

            var centroid = piece.Centroid;
            weighted.Add((centroid.X, centroid.Y, piece is IPolygonal ? piece.Area : 0));
        }

        if (weighted.Count == 0)
        {
            throw new ArgumentException("A shared figure needs at least one non-empty piece.", nameof(pieces));
        }

        weighted.Sort((a, b) => a.X != b.X ? a.X.CompareTo(b.X) : a.Y != b.Y ? a.Y.CompareTo(b.Y) : a.Area.CompareTo(b.Area));
        var total = weighted.Sum(w => w.Area);
        var (x, y) = total > 0
            ? (weighted.Sum(w => w.X * w.Area) / total, weighted.Sum(w => w.Y * w.Area) / total)
            : (weighted.Average(w => w.X), weighted.Average(w => w.Y));
        var longitude = piecesCrs.IsGeographic ? x : CrsTransform.Create(piecesCrs, source).Apply(new Coordinate(x, y)).X;
        return ZoneFor(longitude);
    }

    /// <summary>The CGCS2000 3° Gauss-Krüger zone (unprefixed) holding <paramref name="longitude"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The longitude is outside <see cref="MinLongitude"/>–<see cref="MaxLongitude"/>.</exception>
    public static CrsDefinition ZoneFor(double longitude) => CrsRegistry.GaussKruger3DegreeZoneFor(longitude);

    /// <summary>The analysis CRS of a feature's own figures, for a geometry stored in <paramref name="source"/>.</summary>
    public static CrsDefinition For(CrsDefinition source, Geometry geometry)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(geometry);
        if (source.IsGeographic)
        {
            var centroid = geometry.Centroid;
            var longitude = centroid.IsEmpty ? geometry.EnvelopeInternal.Centre.X : centroid.X;
            return ZoneFor(longitude);
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
