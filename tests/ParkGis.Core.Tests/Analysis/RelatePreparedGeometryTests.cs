using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.IO;
using ParkGis.Core.Analysis;
using ParkGis.Core.Crs;
using ParkGis.Core.Data;

namespace ParkGis.Core.Tests.Analysis;

public sealed class RelatePreparedGeometryTests
{
    private static readonly WKTReader Wkt = new();

    // Approved land of a park: a 6×6 block with the unapproved block (2 2, 4 4) cut out, traced on a 1 m grid.
    private const string Approved = "POLYGON ((0 0, 6 0, 6 6, 0 6, 0 0), (2 2, 2 4, 4 4, 4 2, 2 2))";

    [Fact]
    public void Every_grid_cell_gets_the_answers_of_the_geometry_itself_whether_inside_on_the_edge_of_the_hole_in_it_or_outside()
    {
        var approved = Wkt.Read(Approved);
        var prepared = new RelatePreparedGeometry(approved);
        var classic = PreparedGeometryFactory.Prepare(approved);
        var factory = approved.Factory;
        var covered = 0;
        for (var x = -1; x < 7; x++)
        {
            for (var y = -1; y < 7; y++)
            {
                // Each cell shares edges with the outline or the hole when it lies along them: the case that made
                // PreparedPolygon relate the whole area again.
                var cell = factory.ToGeometry(new Envelope(x, x + 1, y, y + 1));
                Assert.Equal(approved.Covers(cell), prepared.Covers(cell));
                Assert.Equal(classic.Covers(cell), prepared.Covers(cell));
                Assert.Equal(approved.Intersects(cell), prepared.Intersects(cell));
                Assert.Equal(approved.Contains(cell), prepared.Contains(cell));
                Assert.Equal(classic.ContainsProperly(cell), prepared.ContainsProperly(cell));
                Assert.Equal(approved.Touches(cell), prepared.Touches(cell));
                Assert.Equal(approved.Overlaps(cell), prepared.Overlaps(cell));
                Assert.Equal(approved.Within(cell), prepared.Within(cell));
                Assert.Equal(approved.CoveredBy(cell), prepared.CoveredBy(cell));
                Assert.Equal(approved.Disjoint(cell), prepared.Disjoint(cell));
                Assert.Equal(approved.Crosses(cell), prepared.Crosses(cell));
                Assert.Equal(approved.Relate(cell, "T********"), prepared.InteriorsIntersect(cell));
                covered += prepared.Covers(cell) ? 1 : 0;
            }
        }

        Assert.Equal(32, covered); // 36 cells of the block less the 4 of the hole
    }

    [Fact]
    public void Pieces_of_parcels_against_a_relate_prepared_area_are_those_against_a_prepared_polygon()
    {
        var approved = Wkt.Read(Approved);
        var parcels = Enumerable.Range(0, 16)
            .Select(i => (Polygon)approved.Factory.ToGeometry(new Envelope(-1.5 + (i % 4) * 2, 0.5 + (i % 4) * 2, -1.5 + (i / 4) * 2, 0.5 + (i / 4) * 2)))
            .ToList();
        var crs = CrsRegistry.FromEpsg(4545)!;
        var features = parcels.Select((p, i) => new PolygonalFeature($"L{i}", new Feature($"L{i}", i + 1, p, new Dictionary<string, object?>()), p)).ToList();
        var layer = new ProjectedLayer(features, crs, crs);

        var expected = LayerOverlay.Pieces(approved, PreparedGeometryFactory.Prepare(approved), layer);
        var actual = LayerOverlay.Pieces(approved, new RelatePreparedGeometry(approved), layer);

        Assert.Equal(expected.Select(p => (p.FeatureIndex, p.Polygon.ToText())), actual.Select(p => (p.FeatureIndex, p.Polygon.ToText())));
        Assert.Equal(6 * 6 - 2 * 2, actual.Sum(p => p.Polygon.Area), 9);
    }

    [Fact]
    public void Pieces_of_the_features_a_filter_accepts_are_those_of_a_layer_holding_only_them()
    {
        var approved = Wkt.Read(Approved);
        var parcels = Enumerable.Range(0, 16)
            .Select(i => (Polygon)approved.Factory.ToGeometry(new Envelope(-1.5 + (i % 4) * 2, 0.5 + (i % 4) * 2, -1.5 + (i / 4) * 2, 0.5 + (i / 4) * 2)))
            .ToList();
        var crs = CrsRegistry.FromEpsg(4545)!;
        PolygonalFeature Feature(int i) => new($"L{i}", new Feature($"L{i}", i + 1, parcels[i], new Dictionary<string, object?>()), parcels[i]);
        var layer = new ProjectedLayer(Enumerable.Range(0, 16).Select(Feature).ToList(), crs, crs);
        var odd = Enumerable.Range(0, 16).Where(i => i % 2 == 1).ToList();
        var oddLayer = new ProjectedLayer(odd.Select(Feature).ToList(), crs, crs);

        var expected = LayerOverlay.Pieces(approved, new RelatePreparedGeometry(approved), oddLayer);
        var actual = LayerOverlay.Pieces(approved, new RelatePreparedGeometry(approved), layer, i => i % 2 == 1);

        Assert.Equal(expected.Select(p => (odd[p.FeatureIndex], p.Polygon.ToText())), actual.Select(p => (p.FeatureIndex, p.Polygon.ToText())));
        // Odd columns: x from 0.5 to 2.5 (2 × 6 m² of the block less 0.5 × 2 m² of the hole) and from 4.5 to 6 (1.5 × 6 m²).
        Assert.Equal(11 + 9, actual.Sum(p => p.Polygon.Area), 9);
    }

    [Fact]
    public void Pieces_with_the_subject_s_boundary_at_hand_are_the_pieces_without_it()
    {
        // Half-metre cells over the block and around it: inside it away from every edge (the cell itself), inside the
        // hole away from its edges (nothing), outside, and along the outline and the hole (cut or touching).
        var approved = Wkt.Read(Approved);
        var cells = new List<Polygon>();
        for (var x = -1.0; x < 7; x += 0.5)
        {
            for (var y = -1.0; y < 7; y += 0.5)
            {
                cells.Add((Polygon)approved.Factory.ToGeometry(new Envelope(x + 0.1, x + 0.6, y + 0.1, y + 0.6)));
            }
        }

        var crs = CrsRegistry.FromEpsg(4545)!;
        var features = cells.Select((p, i) => new PolygonalFeature($"L{i}", new Feature($"L{i}", i + 1, p, new Dictionary<string, object?>()), p)).ToList();
        var layer = new ProjectedLayer(features, crs, crs);

        var expected = LayerOverlay.Pieces(approved, new RelatePreparedGeometry(approved), layer);
        var actual = LayerOverlay.Pieces(approved, new RelatePreparedGeometry(approved), new FeatureBoundary(approved), layer);

        Assert.Equal(expected.Select(p => (p.FeatureIndex, p.Polygon.ToText())), actual.Select(p => (p.FeatureIndex, p.Polygon.ToText())));
        Assert.Equal(6 * 6 - 2 * 2, actual.Sum(p => p.Polygon.Area), 9);
    }
}
