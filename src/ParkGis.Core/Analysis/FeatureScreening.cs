using System.Globalization;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Operation.Valid;
using ParkGis.Core.Data;
using ParkGis.Core.Localization;

namespace ParkGis.Core.Analysis;

/// <summary>
/// Keeps the features an area analysis can use — valid, non-empty polygons — and reports every other one as a
/// data issue: empty or wrongly typed geometry, invalid geometry with its location and reason, and (when
/// repair is asked for) the area each repair changed.
/// </summary>
public static class FeatureScreening
{
    /// <summary>Screens a layer's features in parallel; issues come back in feature order.</summary>
    /// <param name="layer">The layer.</param>
    /// <param name="repairInvalid">Repair invalid geometries with GeometryFixer instead of leaving them out.</param>
    /// <param name="issues">Receives the data issues.</param>
    public static IReadOnlyList<PolygonalFeature> Screen(Layer layer, bool repairInvalid, ICollection<DataIssue> issues) =>
        Screen(layer, repairInvalid, issues, CancellationToken.None);

    /// <summary>Screens a layer's features in parallel, stopping when <paramref name="cancellation"/> is cancelled.</summary>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public static IReadOnlyList<PolygonalFeature> Screen(Layer layer, bool repairInvalid, ICollection<DataIssue> issues, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(layer);
        var areaM2 = AnalysisCrs.AreaFunction(layer.Crs);
        ArgumentNullException.ThrowIfNull(issues);
        var layerName = LayerRoles.Name(layer.Role);
        var features = layer.Features;
        var kept = new PolygonalFeature?[features.Count];
        var found = new DataIssue?[features.Count];
        Parallel.For(0, features.Count, new ParallelOptions { CancellationToken = cancellation },
            i => (kept[i], found[i]) = ScreenOne(layerName, features[i], repairInvalid, areaM2));
        var result = new List<PolygonalFeature>(features.Count);
        for (var i = 0; i < features.Count; i++)
        {
            if (found[i] is { } issue)
            {
                issues.Add(issue);
            }

            if (kept[i] is { } feature)
            {
                result.Add(feature);
            }
        }

        return result;
    }

    private static (PolygonalFeature? Kept, DataIssue? Issue) ScreenOne(string layerName, Feature feature, bool repairInvalid, Func<Geometry, double> areaM2)
    {
        var geometry = feature.Geometry;
        if (geometry is null || geometry.IsEmpty)
        {
            return (null, new DataIssue(layerName, feature.Id, DataIssueCodes.EmptyGeometry,
                Localized.Get("NoGeometryLeftOut")));
        }

        var polygonal = Polygonal(geometry);
        if (polygonal is null)
        {
            return (null, new DataIssue(layerName, feature.Id, DataIssueCodes.WrongGeometryType,
                Localized.Format("NotPolygonLeftOut", geometry.GeometryType)));
        }

        if (SimplePolygonValidity.IsProvenValid(polygonal))
        {
            return (new PolygonalFeature(feature.Id, feature, polygonal), null);
        }

        var validity = new IsValidOp(polygonal).ValidationError;
        if (validity is null)
        {
            return (new PolygonalFeature(feature.Id, feature, polygonal), null);
        }

        var where = string.Create(CultureInfo.InvariantCulture, $"({validity.Coordinate.X:0.###}, {validity.Coordinate.Y:0.###})");
        if (!repairInvalid)
        {
            return (null, new DataIssue(layerName, feature.Id, DataIssueCodes.InvalidGeometry,
                Localized.Format("InvalidGeometryLeftOut", Reason(validity), where)));
        }

        var repaired = Polygonal(GeometryFixer.Fix(polygonal));
        if (repaired is null || repaired.IsEmpty)
        {
            return (null, new DataIssue(layerName, feature.Id, DataIssueCodes.InvalidGeometry,
                Localized.Format("InvalidGeometryRepairEmpty", Reason(validity), where)));
        }

        var before = areaM2(polygonal);
        var after = areaM2(repaired);
        var message = Localized.Format("InvalidGeometryRepaired", Reason(validity), where, before, after, after - before);
        return (new PolygonalFeature(feature.Id, feature, repaired), new DataIssue(layerName, feature.Id, DataIssueCodes.GeometryRepaired, message));
    }

    /// <summary>What makes the geometry invalid (几何无效原因), in the run's language.</summary>
    private static string Reason(TopologyValidationError error) => GeometryValidityReason.Of(error.ErrorType);

    /// <summary>The polygonal part of a geometry: itself for (Multi)Polygons, the polygons of a collection; else null.</summary>
    private static Geometry? Polygonal(Geometry geometry)
    {
        switch (geometry)
        {
            case Polygon or MultiPolygon:
                return geometry;
            case GeometryCollection collection:
                var polygons = new List<Polygon>();
                for (var i = 0; i < collection.NumGeometries; i++)
                {
                    switch (collection.GetGeometryN(i))
                    {
                        case Polygon polygon:
                            polygons.Add(polygon);
                            break;
                        case MultiPolygon multi:
                            for (var j = 0; j < multi.NumGeometries; j++)
                            {
                                polygons.Add((Polygon)multi.GetGeometryN(j));
                            }

                            break;
                        default:
                            return null;
                    }
                }

                return polygons.Count == 0 ? null : geometry.Factory.CreateMultiPolygon([.. polygons]);
            default:
                return null;
        }
    }
}
