using NetTopologySuite.Coverage;
using NetTopologySuite.Geometries;
using ParkGis.Core.Crs;

namespace ParkGis.Web.Export;

/// <summary>
/// Simplifies a group of lon/lat polygons as one coverage (覆盖简化) with NTS <see cref="CoverageSimplifier"/>, in
/// metres in the 3° Gauss-Krüger zone of the group's centre: an edge two polygons share is simplified once, so it
/// stays shared (no gaps or slivers appear between adjacent parcels or park blocks). Every simplified polygon is
/// checked; one that came out invalid or empty is kept unsimplified, as are polygons invalid on input and
/// non-polygonal geometries.
/// </summary>
public static class CoverageSimplification
{
    /// <summary>Simplifies <paramref name="lonLat"/> with a tolerance in metres.</summary>
    /// <returns>The geometries in the same order, and how many were kept unsimplified.</returns>
    public static (IReadOnlyList<Geometry> Geometries, int KeptUnsimplified) Simplify(IReadOnlyList<Geometry> lonLat, double toleranceM)
    {
        ArgumentNullException.ThrowIfNull(lonLat);
        ArgumentOutOfRangeException.ThrowIfNegative(toleranceM);
        var result = lonLat.ToArray();
        var candidates = Enumerable.Range(0, lonLat.Count).Where(i => lonLat[i] is IPolygonal && !lonLat[i].IsEmpty && lonLat[i].IsValid).ToList();
        var kept = lonLat.Count - candidates.Count;
        if (candidates.Count == 0 || toleranceM == 0)
        {
            return (result, kept);
        }

        var envelope = new Envelope();
        foreach (var i in candidates)
        {
            envelope.ExpandToInclude(lonLat[i].EnvelopeInternal);
        }

        var lonLatCrs = PublishedLayers.LonLat();
        var metric = CrsRegistry.GaussKruger3DegreeZoneFor(envelope.Centre.X);
        var forward = CrsTransform.Create(lonLatCrs, metric);
        var back = CrsTransform.Create(metric, lonLatCrs);
        var projected = candidates.Select(i => forward.Apply(lonLat[i])).ToArray();
        var simplified = CoverageSimplifier.Simplify(projected, toleranceM);
        for (var k = 0; k < candidates.Count; k++)
        {
            var geometry = simplified[k];
            if (geometry is null || geometry.IsEmpty || !geometry.IsValid)
            {
                kept++;
                continue;
            }

            result[candidates[k]] = back.Apply(geometry);
        }

        return (result, kept);
    }
}
