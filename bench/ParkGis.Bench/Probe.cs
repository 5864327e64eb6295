using System.Diagnostics;
using System.Globalization;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;
using NetTopologySuite.Operation.RelateNG;
using NetTopologySuite.Operation.Valid;
using ParkGis.Core.Analysis;
using ParkGis.Core.Conflicts;
using ParkGis.Core.Data;
using ParkGis.IO.Datasets;

namespace ParkGis.Bench;

/// <summary>
/// <c>parkgis-bench probe DATASET [REPEAT]</c>: times the phases of the conflict check in one warm process
/// (read, screening, park check, parcel check, and single-threaded loops over the hot primitives).
/// </summary>
internal static class Probe
{
    public static int Run(string folder, int repeat)
    {
        for (var r = 0; r < repeat; r++)
        {
            var clock = Stopwatch.StartNew();
            GC.Collect();
            if (Environment.GetEnvironmentVariable("PROBE_LATENCY") is { } mode)
            {
                System.Runtime.GCSettings.LatencyMode = Enum.Parse<System.Runtime.GCLatencyMode>(mode);
            }

            var noGc = Environment.GetEnvironmentVariable("PROBE_NOGC") is { } size && GC.TryStartNoGCRegion(long.Parse(size, CultureInfo.InvariantCulture));
            var data = DatasetReader.Read(folder);
            if (noGc && System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.NoGCRegion)
            {
                GC.EndNoGCRegion();
            }

            Console.WriteLine($"no-GC region: {noGc}");
            var read = clock.Elapsed.TotalSeconds;
            var readPause = GC.GetTotalPauseDuration().TotalSeconds;
            clock.Restart();
            var result = new ConflictCheck(ConflictCheckOptions.Default).Check(data);
            var check = clock.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run {r}: read {read:0.000} s, check {check:0.000} s, parcels ∩ red line {result.Parcels?.EcologicalRedline.AreaM2:0.000}; GCs {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, pause {readPause:0.000} s reading, {GC.GetTotalPauseDuration().TotalSeconds - readPause:0.000} s after"));
            if (Environment.GetEnvironmentVariable("PROBE_CHECK_ONLY") is not null)
            {
                continue;
            }
            if (r == repeat - 1)
            {
                Primitives(data);
            }
        }

        return 0;
    }

    private static void Primitives(Dataset data)
    {
        var parcels = data.Find(LayerRole.Parcels)!;
        var red = data.Find(LayerRole.EcologicalRedline)!;
        var geometries = parcels.Features.Select(f => f.Geometry!).ToArray();
        Time("IsValidOp red line", () => { foreach (var f in red.Features) { _ = new IsValidOp(f.Geometry).IsValid; } return red.Features.Count; });
        Time("IsValidOp parcels", () => { foreach (var g in geometries) { _ = new IsValidOp(g).IsValid; } return geometries.Length; });
        var projections = new LayerProjections(parcels.Features.Select(f => new PolygonalFeature(f.Id, f, f.Geometry!)).ToList(), parcels.Crs);
        var layer = projections.In(AnalysisCrs.WithoutZonePrefix(parcels.Crs));
        var pairs = new List<(int, int)>();
        for (var i = 0; i < layer.Count; i++)
        {
            foreach (var j in layer.Query(layer.Geometry(i).EnvelopeInternal))
            {
                var common = layer.Geometry(i).EnvelopeInternal.Intersection(layer.Geometry(j).EnvelopeInternal);
                if (j > i && common.Width > 0 && common.Height > 0)
                {
                    pairs.Add((i, j));
                }
            }
        }

        var crs = layer.Crs;
        foreach (var capacity in new[] { 10, 4, 16, 32 })
        {
            var tree = new NetTopologySuite.Index.Strtree.STRtree<int>(capacity);
            for (var i = 0; i < layer.Count; i++)
            {
                tree.Insert(layer.Geometry(i).EnvelopeInternal, i);
            }

            tree.Build();
            Time($"STRtree({capacity}) query parcels", () => { var n = 0; for (var i = 0; i < layer.Count; i++) { n += tree.Query(layer.Geometry(i).EnvelopeInternal).Count; } return layer.Count; });
        }

        var hpr = new NetTopologySuite.Index.HPRtree.HPRtree<int>();
        for (var i = 0; i < layer.Count; i++)
        {
            hpr.Insert(layer.Geometry(i).EnvelopeInternal, i);
        }

        hpr.Build();
        Time("HPRtree query parcels", () => { var n = 0; for (var i = 0; i < layer.Count; i++) { n += hpr.Query(layer.Geometry(i).EnvelopeInternal).Count; } return layer.Count; });
        Time("ProjectedLayer.Query parcels", () => { var n = 0; for (var i = 0; i < layer.Count; i++) { n += layer.Query(layer.Geometry(i).EnvelopeInternal).Count; } return layer.Count; });
        foreach (var role in new[] { LayerRole.EcologicalRedline, LayerRole.PermanentFarmland, LayerRole.Parks })
        {
            var source = data.Find(role)!;
            var control = new LayerProjections(source.Features.Select(f => new PolygonalFeature(f.Id, f, f.Geometry!)).ToList(), source.Crs);
            var projected = control.In(crs);
            Time($"AreaInside {role}", () => { for (var i = 0; i < layer.Count; i++) { _ = LayerOverlay.AreaInside(layer.Geometry(i), projected); } return layer.Count; });
        }

        var sample = pairs.Take(20000).ToList();
        Time("InteriorContact all pairs", () => { foreach (var (i, j) in pairs) { _ = InteriorContact.InteriorsIntersect(layer.Geometry(i), layer.Geometry(j)); } return pairs.Count; });
        Time("RelateNG T******** all pairs", () => { foreach (var (i, j) in pairs) { _ = RelateNG.Relate(layer.Geometry(i), layer.Geometry(j), "T********"); } return pairs.Count; });
        var undecided = pairs.Count(p => InteriorContact.FastPath(layer.Geometry(p.Item1), layer.Geometry(p.Item2)) is null);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pairs {pairs.Count}, left to RelateNG {undecided}"));
        Time("RelateNG T******** pairs", () => { foreach (var (i, j) in sample) { _ = RelateNG.Relate(layer.Geometry(i), layer.Geometry(j), "T********"); } return sample.Count; });
        Time("Prepared Intersects pairs", () => { foreach (var (i, j) in sample) { _ = layer.Prepared(i).Intersects(layer.Geometry(j)); } return sample.Count; });
        Time("OverlayNGRobust pairs", () => { foreach (var (i, j) in sample) { _ = OverlayNGRobust.Overlay(layer.Geometry(i), layer.Geometry(j), SpatialFunction.Intersection); } return sample.Count; });
    }

    private static void Time(string name, Func<int> body)
    {
        body();
        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var n = body();
        var s = clock.Elapsed.TotalSeconds;
        var c = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-36} {n,8} calls wall {s:0.000} s cpu {c:0.000} s {c / n * 1e6:0.0} cpu-µs/call"));
    }
}
