using NetTopologySuite.Geometries;
using ParkGis.Core.Data;
using ParkGis.Core.Localization;

namespace ParkGis.Core.Infrastructure;

/// <summary>
/// Keeps the features of a utility layer that can be measured against — non-empty lines and valid polygons — and
/// reports the others (empty, points, invalid polygons) as data issues.
/// </summary>
public static class NetworkScreening
{
    /// <summary>Screens a utility layer.</summary>
    public static IReadOnlyList<NetworkFeature> Screen(Layer layer, ICollection<DataIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(issues);
        var name = LayerRoles.Name(layer.Role);
        var kept = new List<NetworkFeature>(layer.Features.Count);
        foreach (var feature in layer.Features)
        {
            var geometry = feature.Geometry;
            if (geometry is null || geometry.IsEmpty)
            {
                issues.Add(new DataIssue(name, feature.Id, DataIssueCodes.EmptyGeometry, Localized.Get("NoGeometryLeftOut")));
            }
            else if (geometry is LineString or MultiLineString)
            {
                kept.Add(new NetworkFeature(feature.Id, geometry));
            }
            else if (geometry is Polygon or MultiPolygon)
            {
                if (geometry.IsValid)
                {
                    kept.Add(new NetworkFeature(feature.Id, geometry));
                }
                else
                {
                    issues.Add(new DataIssue(name, feature.Id, DataIssueCodes.InvalidGeometry, Localized.Get("InvalidPolygonLeftOut")));
                }
            }
            else
            {
                issues.Add(new DataIssue(name, feature.Id, DataIssueCodes.WrongGeometryType,
                    Localized.Format("NetworkNotLinesLeftOut", geometry.GeometryType)));
            }
        }

        return kept;
    }
}
