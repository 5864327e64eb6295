using System.Globalization;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using ParkGis.Core.Data;
using ParkGis.IO.Formats;
using ParkGis.IO.Localization;

namespace ParkGis.IO.Datasets;

/// <summary>
/// Drops Z and M ordinates (elevations, measures — PolygonZ/PolygonM shapefiles, XYZ/XYZM GeoPackages, 3-D GeoJSON
/// positions, GDAL layers) right after reading: every analysis, export and import works on x and y, and NTS's overlay
/// fails on mixed elevations. A layer that had any is reported once as <see cref="DataIssueCodes.ZmDropped"/> with
/// the number of features and the first one.
/// </summary>
internal static class PlanarCoordinates
{
    /// <summary>The features with every geometry in x/y only; the same list when none had Z or M.</summary>
    /// <param name="layerName">Role name, the layer of the issue.</param>
    /// <param name="inputName">The file, for the message.</param>
    /// <param name="features">The features as read.</param>
    /// <param name="issues">Receives the issue.</param>
    public static IReadOnlyList<SourceFeature> Flatten(string layerName, string inputName, IReadOnlyList<SourceFeature> features, List<DataIssue> issues)
    {
        var flattened = Flatten(features, out var count, out var first);
        if (count > 0)
        {
            issues.Add(Issue(layerName, inputName, count, first));
        }

        return flattened;
    }

    /// <summary>The issue of a layer in which <paramref name="count"/> features had Z or M, the first at ordinal <paramref name="first"/>.</summary>
    public static DataIssue Issue(string layerName, string inputName, int count, int first) =>
        new(layerName, string.Empty, DataIssueCodes.ZmDropped, Localized.Format(count == 1 ? "ZmDroppedOne" : "ZmDropped", inputName, count, first));

    /// <summary>The features in x/y only (the same list when none had Z or M), how many had them and the first one's ordinal.</summary>
    public static IReadOnlyList<SourceFeature> Flatten(IReadOnlyList<SourceFeature> features, out int count, out int first)
    {
        SourceFeature[]? flattened = null;
        count = 0;
        first = 0;
        var finder = new ZmFinder();
        for (var i = 0; i < features.Count; i++)
        {
            var feature = features[i];
            finder.Found = false;
            feature.Geometry.Apply(finder);
            if (!finder.Found)
            {
                continue;
            }

            if (flattened is null)
            {
                flattened = [.. features];
                first = feature.Ordinal;
            }

            flattened[i] = feature with { Geometry = ToXY(feature.Geometry) };
            count++;
        }

        return flattened ?? features;
    }

    private static Geometry ToXY(Geometry geometry)
    {
        var editor = new GeometryEditor(geometry.Factory);
        var planar = editor.Edit(geometry, new GeometryEditor.CoordinateSequenceOperation((sequence, _) =>
        {
            var xy = geometry.Factory.CoordinateSequenceFactory.Create(sequence.Count, 2, 0);
            for (var i = 0; i < sequence.Count; i++)
            {
                xy.SetX(i, sequence.GetX(i));
                xy.SetY(i, sequence.GetY(i));
            }

            return xy;
        }));
        planar.SRID = geometry.SRID;
        return planar;
    }

    /// <summary>Finds a non-empty coordinate sequence with Z or M; reused from geometry to geometry.</summary>
    private sealed class ZmFinder : IEntireCoordinateSequenceFilter
    {
        public bool Found { get; set; }

        public bool Done => Found;

        public bool GeometryChanged => false;

        public void Filter(CoordinateSequence seq) => Found = seq.Count > 0 && (seq.HasZ || seq.HasM);
    }
}
