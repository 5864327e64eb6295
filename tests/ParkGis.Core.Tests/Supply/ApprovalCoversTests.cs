using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using ParkGis.Core.Analysis;
using ParkGis.Core.Crs;
using ParkGis.Core.Data;
using ParkGis.Core.Supply;

namespace ParkGis.Core.Tests.Supply;

public sealed class ApprovalCoversTests
{
    private static readonly WKTReader Wkt = new();
    private static readonly CrsDefinition Crs = CrsRegistry.FromEpsg(4545)!;

    private static ProjectedLayer Layer(params string[] wkt)
    {
        var features = wkt.Select((text, i) =>
        {
            var polygon = (Polygon)Wkt.Read(text);
            return new PolygonalFeature($"F{i}", new Feature($"F{i}", i + 1, polygon, new Dictionary<string, object?>()), polygon);
        }).ToList();
        return new ProjectedLayer(features, Crs, Crs);
    }

    [Fact]
    public void Pieces_tell_for_each_feature_along_the_subject_s_edges_whether_the_subject_covers_it()
    {
        var subject = Wkt.Read("POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0))");
        var parcels = Layer(
            "POLYGON ((0 0, 50 0, 50 50, 0 50, 0 0))",         // inside, along two edges: covered
            "POLYGON ((90 40, 110 40, 110 60, 90 60, 90 40))", // across the east edge: not covered
            "POLYGON ((100 0, 150 0, 150 50, 100 50, 100 0))", // outside, sharing the east edge: not covered
            "POLYGON ((40 40, 60 40, 60 60, 40 60, 40 40))");  // inside, away from every edge: one vertex tells, no relate
        var told = new Dictionary<int, bool>();

        var pieces = LayerOverlay.Pieces(subject, new RelatePreparedGeometry(subject), new FeatureBoundary(subject), parcels, (i, covers) => told.Add(i, covers));

        Assert.Equal(new Dictionary<int, bool> { [0] = true, [1] = false, [2] = false }, told);
        Assert.Equal(2500 + 200 + 400, pieces.Sum(p => p.Polygon.Area), 9);
    }

    [Fact]
    public void Cover_along_an_approval_s_edge_is_asked_for_until_noted_and_away_from_its_edges_comes_from_one_vertex()
    {
        var approvals = Layer("POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0))");
        var alongEdge = Wkt.Read("POLYGON ((0 0, 50 0, 50 50, 0 50, 0 0))");
        var awayFromEdges = Wkt.Read("POLYGON ((40 40, 60 40, 60 60, 40 60, 40 40))");
        var known = new ApprovalCovers();

        Assert.Null(known.Covers(approvals, 0, alongEdge, parcelIndex: 7));
        Assert.True(known.Record(Crs.Epsg, approval: 0, parcel: 7, covers: true));
        Assert.True(known.Covers(approvals, 0, alongEdge, parcelIndex: 7));
        Assert.Null(known.Covers(approvals, 0, alongEdge, parcelIndex: 8)); // another parcel: not known
        Assert.True(known.Covers(approvals, 0, awayFromEdges, parcelIndex: 9));
    }

    [Fact]
    public void A_parcel_s_pieces_are_cut_once_and_then_handed_out_again()
    {
        // Two approvals overlapping in the middle; the parcel crosses both.
        var approvals = Layer("POLYGON ((0 0, 60 0, 60 100, 0 100, 0 0))", "POLYGON ((40 0, 100 0, 100 100, 40 100, 40 0))");
        var parcel = Wkt.Read("POLYGON ((20 20, 80 20, 80 40, 20 40, 20 20))");
        var known = new ApprovalCovers();

        var first = known.Pieces(approvals, parcel, parcelIndex: 3);
        var again = known.Pieces(approvals, parcel, parcelIndex: 3);

        Assert.Same(first, again);
        Assert.Equal([0, 1], first.Select(p => p.FeatureIndex));
        Assert.Equal(40 * 20 + 40 * 20, first.Sum(p => p.Polygon.Area), 9); // 20–60 and 40–80, 20 m high
    }
}
