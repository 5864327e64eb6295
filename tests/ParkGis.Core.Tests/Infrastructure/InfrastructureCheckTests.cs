using ParkGis.Core.Data;
using ParkGis.Core.Infrastructure;
using static ParkGis.Core.Tests.Infrastructure.ParkData;

namespace ParkGis.Core.Tests.Infrastructure;

public sealed class InfrastructureCheckTests
{
    private const double X = 500000, Y = 4400000;

    private static InfrastructureOptions RoadsAt100 => InfrastructureOptions.Default with
    {
        ServiceDistancesM = new Dictionary<LayerRole, double> { [LayerRole.Roads] = 100 },
    };

    private static UtilityCoverage Roads(InfrastructureResult result, string park = "P1") =>
        result.Parks.Single(p => p.ParkId == park).Utilities.Single(u => u.Utility == LayerRole.Roads);

    [Fact]
    public void Parcel_exactly_at_the_service_distance_is_served_and_a_hair_beyond_is_not()
    {
        // Road along y = Y+100; parcel A's edge is exactly 100 m above it, parcel B's 1 mm further.
        var data = new ParkData()
            .Park("P1", Rectangle(X, Y, X + 1000, Y + 1000))
            .Parcel("A", "P1", Rectangle(X + 200, Y + 200, X + 300, Y + 300))
            .Parcel("B", "P1", Rectangle(X + 400, Y + 200.001, X + 500, Y + 300))
            .Add(LayerRole.Roads, "R1", Line(X + 100, Y + 100, X + 900, Y + 100))
            .Build();

        var roads = Roads(new InfrastructureCheck(RoadsAt100).Check(data));

        Assert.Equal(["B"], roads.Unserved.Select(u => u.ParcelId));
        Assert.Equal(10000, roads.ServedAreaM2, 6);
        Assert.Equal(10000 / (10000 + (100 * 99.999)), roads.Coverage!.Value, 9);
        Assert.False(roads.Meets);
    }

    [Fact]
    public void Parcel_in_the_gap_between_a_round_cap_and_its_buffer_polygon_is_served()
    {
        // A buffer's round cap is a polygon inscribed in the circle: at 2.8125° (between two of its vertices with 16
        // segments per quadrant) it lies 99.88 m from the road's end. A parcel whose nearest corner is 99.95 m away is
        // within the distance and must be served anyway.
        var angle = Math.PI / 64;
        var cx = X + 500 + (99.95 * Math.Cos(angle));
        var cy = Y + 100 + (99.95 * Math.Sin(angle));
        var data = new ParkData()
            .Park("P1", Rectangle(X, Y, X + 1000, Y + 1000))
            .Parcel("C", "P1", Rectangle(cx, cy, cx + 50, cy + 50))
            .Add(LayerRole.Roads, "R1", Line(X + 100, Y + 100, X + 500, Y + 100))
            .Build();

        var roads = Roads(new InfrastructureCheck(RoadsAt100).Check(data));

        Assert.True(roads.Coverage == 1.0, $"coverage {roads.Coverage}, unserved {string.Join(",", roads.Unserved.Select(u => u.ParcelId))}");
    }

    [Fact]
    public void Only_supplied_or_built_parcels_count()
    {
        var data = new ParkData()
            .Park("P1", Rectangle(X, Y, X + 1000, Y + 1000))
            .Parcel("near", "P1", Rectangle(X + 100, Y + 100, X + 200, Y + 200))
            .Parcel("far-unsupplied", "P1", Rectangle(X + 800, Y + 800, X + 900, Y + 900), supplied: false)
            .Add(LayerRole.Roads, "R1", Line(X, Y + 150, X + 300, Y + 150))
            .Build();

        var result = new InfrastructureCheck(RoadsAt100).Check(data);

        Assert.Equal(1, result.Parks[0].SuppliedParcels);
        Assert.Equal(1.0, Roads(result).Coverage);
    }

    [Fact]
    public void Each_network_is_indexed_once_per_analysis_CRS_not_per_park()
    {
        var data = new ParkData()
            .Park("P1", Rectangle(X, Y, X + 1000, Y + 1000))
            .Park("P2", Rectangle(X + 2000, Y, X + 3000, Y + 1000))
            .Park("P3", Rectangle(X + 4000, Y, X + 5000, Y + 1000))
            .Parcel("A", "P1", Rectangle(X + 100, Y + 100, X + 200, Y + 200))
            .Parcel("B", "P2", Rectangle(X + 2100, Y + 100, X + 2200, Y + 200))
            .Parcel("C", "P3", Rectangle(X + 4100, Y + 100, X + 4200, Y + 200))
            .Add(LayerRole.Roads, "R1", Line(X, Y + 150, X + 5000, Y + 150))
            .Add(LayerRole.Power, "E1", Line(X, Y + 150, X + 3000, Y + 150))
            .Add(LayerRole.Power, "E2", Line(X + 4000, Y + 5000, X + 5000, Y + 5000))
            .Build();

        var result = new InfrastructureCheck(InfrastructureOptions.Default).Check(data);

        Assert.Equal(2, result.ServiceAreaBuilds);
        Assert.Equal([1.0, 1.0, 0.0], result.Parks.Select(p => p.Utilities.Single(u => u.Utility == LayerRole.Power).Coverage!.Value));
    }

    [Fact]
    public void Steam_is_required_only_where_the_park_has_a_steam_network_and_missing_layers_leave_the_verdict_unknown()
    {
        var data = new ParkData()
            .Park("P1", Rectangle(X, Y, X + 1000, Y + 1000))
            .Park("P2", Rectangle(X + 5000, Y, X + 6000, Y + 1000))
            .Parcel("A", "P1", Rectangle(X + 100, Y + 100, X + 200, Y + 200))
            .Parcel("B", "P1", Rectangle(X + 800, Y + 800, X + 900, Y + 900))
            .Parcel("C", "P2", Rectangle(X + 5100, Y + 100, X + 5200, Y + 200))
            .Add(LayerRole.Roads, "R1", Line(X, Y + 150, X + 6000, Y + 150))
            .Add(LayerRole.Steam, "S1", Line(X, Y + 150, X + 300, Y + 150))
            .Build();

        var result = new InfrastructureCheck(InfrastructureOptions.Default).Check(data);

        var p1 = result.Parks.Single(p => p.ParkId == "P1");
        var p2 = result.Parks.Single(p => p.ParkId == "P2");
        Assert.True(p1.HasSteam);
        Assert.True(p1.Utilities.Single(u => u.Utility == LayerRole.Steam).Required);
        Assert.False(p1.MeetsNetworks); // parcel B is 650 m from the steam main
        Assert.False(p2.HasSteam);
        Assert.False(p2.Utilities.Single(u => u.Utility == LayerRole.Steam).Required);
        Assert.Null(p2.MeetsNetworks); // roads served; the other seven layers are missing: unknown, not met
        Assert.Null(p2.MeanCoverage);
        Assert.Contains("water_supply", p2.MissingForCoverage, StringComparison.Ordinal);
    }

    [Fact]
    public void Parcels_measured_on_every_core_give_the_figures_of_one_parcel_at_a_time_in_id_order()
    {
        // 700 parcels (many tasks of the parallel loop) in two parks, against random roads: served areas summed in
        // parcel-id order and the unserved parcels' distances, exactly as measured one by one with NTS.
        var random = new Random(7);
        var data = new ParkData()
            .Park("P1", Rectangle(X, Y, X + 3000, Y + 3000))
            .Park("P2", Rectangle(X + 5000, Y, X + 8000, Y + 3000));
        var roads = new List<string>();
        for (var i = 0; i < 60; i++)
        {
            var (x, y) = (X + (random.NextDouble() * 8000), Y + (random.NextDouble() * 3000));
            roads.Add(Line(x, y, x + (random.NextDouble() * 400) - 200, y + (random.NextDouble() * 400) - 200));
            data.Add(LayerRole.Roads, FormattableString.Invariant($"R{i}"), roads[^1]);
        }

        var parcels = new List<(string Id, string Park, string Wkt)>();
        for (var i = 0; i < 700; i++)
        {
            var park = i % 3 == 0 ? "P2" : "P1";
            var (x, y) = (X + (park == "P2" ? 5000 : 0) + (random.NextDouble() * 2950), Y + (random.NextDouble() * 2950));
            parcels.Add((FormattableString.Invariant($"L{(i * 7919) % 700:D4}"), park, Rectangle(x, y, x + 30, y + 40)));
            data.Parcel(parcels[^1].Id, park, parcels[^1].Wkt);
        }

        var result = new InfrastructureCheck(RoadsAt100).Check(data.Build());

        var reader = new NetTopologySuite.IO.WKTReader();
        var network = roads.Select(reader.Read).ToList();
        foreach (var park in new[] { "P1", "P2" })
        {
            var members = parcels.Where(p => p.Park == park).OrderBy(p => p.Id, StringComparer.Ordinal).Select(p => (p.Id, Geometry: reader.Read(p.Wkt))).ToList();
            double served = 0;
            var unserved = new List<(string, double)>();
            foreach (var (id, geometry) in members)
            {
                if (network.Any(r => r.IsWithinDistance(geometry, 100)))
                {
                    served += geometry.Area;
                }
                else
                {
                    unserved.Add((id, network.Min(r => r.Distance(geometry))));
                }
            }

            var coverage = Roads(result, park);
            Assert.True(unserved.Count > 20 && unserved.Count < members.Count - 20, $"{park}: {unserved.Count} of {members.Count} unserved");
            Assert.Equal(served, coverage.ServedAreaM2);
            Assert.Equal(unserved, coverage.Unserved.Select(u => (u.ParcelId, u.GapM)));
        }
    }

    [Fact]
    public void Unserved_layer_lists_parks_then_utilities_then_parcels_each_with_its_own_area()
    {
        // Three parks of 150 parcels 10 m wide and 1–150 m tall (areas 10–1,500 m²), added out of id order; a road and a
        // water main far from every parcel: every parcel is unserved by both, and the layer built on every core must
        // still read park by park, roads before water, parcels by id, each feature with its own parcel's area.
        var data = new ParkData()
            .Park("P2", Rectangle(X + 5000, Y, X + 7000, Y + 2000))
            .Park("P1", Rectangle(X, Y, X + 2000, Y + 2000))
            .Park("P3", Rectangle(X + 10000, Y, X + 12000, Y + 2000))
            .Add(LayerRole.Roads, "R1", Line(X, Y + 9000, X + 12000, Y + 9000))
            .Add(LayerRole.WaterSupply, "W1", Line(X, Y + 9500, X + 12000, Y + 9500));
        var expected = new List<(string Park, string Utility, string Parcel, double AreaM2)>();
        foreach (var (park, x0) in new[] { ("P1", X), ("P2", X + 5000), ("P3", X + 10000) })
        {
            for (var i = 149; i >= 0; i--)
            {
                var id = FormattableString.Invariant($"{park}-{i:D3}");
                data.Parcel(id, park, Rectangle(x0 + 100 + (i * 12), Y + 100, x0 + 110 + (i * 12), Y + 101 + i));
            }
        }

        foreach (var park in new[] { "P1", "P2", "P3" })
        {
            foreach (var utility in new[] { "roads", "water_supply" })
            {
                expected.AddRange(Enumerable.Range(0, 150).Select(i => (park, utility, FormattableString.Invariant($"{park}-{i:D3}"), 10.0 * (i + 1))));
            }
        }

        var layer = ParkGis.Core.Publishing.InfrastructureResults.Unserved(new InfrastructureCheck(InfrastructureOptions.Default).Check(data.Build()));

        var actual = layer.Features.Select(f => (
            (string)f.Properties.Single(p => p.Key == "park_id").Value!,
            (string)f.Properties.Single(p => p.Key == "utility").Value!,
            (string)f.Properties.Single(p => p.Key == "parcel_id").Value!,
            Math.Round(f.AreaM2!.Value, 6))).ToList();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void A_check_cancelled_as_its_parcels_are_about_to_be_measured_stops_with_OperationCanceled_not_an_aggregate()
    {
        var data = new ParkData().Park("P1", Rectangle(X, Y, X + 3000, Y + 3000)).Add(LayerRole.Roads, "R1", Line(X, Y, X + 3000, Y));
        for (var i = 0; i < 500; i++)
        {
            data.Parcel(FormattableString.Invariant($"L{i:D3}"), "P1", Rectangle(X + (i % 25 * 100), Y + (i / 25 * 100) + 20, X + (i % 25 * 100) + 50, Y + (i / 25 * 100) + 70));
        }

        using var cancel = new CancellationTokenSource();
        var measuring = ParkGis.Core.Localization.Localized.Format("ProgressInfrastructure", 1, 500);
        var progress = new CancelOn(measuring, cancel);
        var assessment = ParkGis.Core.Assessment.ParkAssessment.Of(data.Build(), progress: progress, cancellation: cancel.Token);

        Assert.Throws<OperationCanceledException>(() => new InfrastructureCheck(RoadsAt100, progress).Check(assessment));
        Assert.True(progress.Seen, "the progress line before the measuring loop was never reported");
    }

    /// <summary>Cancels a token when a given progress line is reported, on the reporting thread.</summary>
    private sealed class CancelOn(string line, CancellationTokenSource cancel) : IProgress<string>
    {
        public bool Seen { get; private set; }

        public void Report(string value)
        {
            if (value == line)
            {
                Seen = true;
                cancel.Cancel();
            }
        }
    }
}
