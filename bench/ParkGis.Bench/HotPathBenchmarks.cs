using BenchmarkDotNet.Attributes;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;
using NetTopologySuite.Operation.RelateNG;
using ParkGis.Core.Analysis;
using ParkGis.Core.Conflicts;
using ParkGis.Core.Data;
using ParkGis.IO.Datasets;

namespace ParkGis.Bench;

/// <summary>
/// The hot paths of <c>parkgis check</c> on a bench dataset (PARKGIS_BENCH_DATA, default the S=100 GeoPackage).
/// Setup validates what is timed: the RelateNG pre-test and the shared-edge fast path (InteriorContact) must agree
/// with the overlay on every pair, CrossingArea must agree with the overlay area of every parcel/farmland pair it
/// decides (to 1e-9 of the parcel area), and the check's parcel totals must be finite and positive.
/// </summary>
[MemoryDiagnoser]
public class HotPathBenchmarks
{
    private Dataset _data = null!;
    private ProjectedLayer _parcels = null!;
    private ProjectedLayer _redline = null!;
    private ProjectedLayer _parks = null!;
    private List<(int I, int J)> _pairs = null!;
    private List<(int Parcel, int Patch)> _crossings = null!;
    private ProjectedLayer _farmland = null!;

    /// <summary>Folder of the dataset.</summary>
    public static string Folder => Environment.GetEnvironmentVariable("PARKGIS_BENCH_DATA") ?? "/tmp/parkgis-bench-data/S100/gpkg";

    /// <summary>Loads the data and validates the benchmarked operations.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _data = DatasetReader.Read(Folder);
        _parcels = Project(LayerRole.Parcels);
        _redline = Project(LayerRole.EcologicalRedline);
        _pairs = [];
        for (var i = 0; i < _parcels.Count && _pairs.Count < 5000; i++)
        {
            foreach (var j in _parcels.Query(_parcels.Geometry(i).EnvelopeInternal))
            {
                var common = _parcels.Geometry(i).EnvelopeInternal.Intersection(_parcels.Geometry(j).EnvelopeInternal);
                if (j > i && common.Width > 0 && common.Height > 0)
                {
                    _pairs.Add((i, j));
                }
            }
        }

        foreach (var (i, j) in _pairs)
        {
            var interiors = RelateNG.Relate(_parcels.Geometry(i), _parcels.Geometry(j), "T********");
            var area = OverlayNGRobust.Overlay(_parcels.Geometry(i), _parcels.Geometry(j), SpatialFunction.Intersection).Area;
            if (interiors != (area > 0) || InteriorContact.InteriorsIntersect(_parcels.Geometry(i), _parcels.Geometry(j)) != interiors)
            {
                throw new InvalidOperationException($"RelateNG, InteriorContact and OverlayNG disagree on parcels {i}, {j} (area {area}).");
            }
        }

        _farmland = Project(LayerRole.PermanentFarmland);
        _crossings = [];
        for (var i = 0; i < _parcels.Count && _crossings.Count < 2000; i++)
        {
            foreach (var f in _farmland.Query(_parcels.Geometry(i).EnvelopeInternal))
            {
                var overlay = OverlayNGRobust.Overlay(_parcels.Geometry(i), _farmland.Geometry(f), SpatialFunction.Intersection).Area;
                if (overlay <= 0 || overlay >= _parcels.Geometry(i).Area)
                {
                    continue;
                }

                if (CrossingArea.Of(_parcels.Geometry(i), _farmland.Geometry(f)) is { } fast && Math.Abs(fast - overlay) > 1e-9 * _parcels.Geometry(i).Area)
                {
                    throw new InvalidOperationException($"CrossingArea {fast} and OverlayNG {overlay} disagree on parcel {i} and patch {f}.");
                }

                _crossings.Add((i, f));
            }
        }

        _parks = Project(LayerRole.Parks);
        foreach (var layer in new[] { _redline, _parks })
        {
            // AreaInside measures parcels against large features from their boundaries; check it against overlays.
            for (var i = 0; i < Math.Min(2000, _parcels.Count); i++)
            {
                var parcel = _parcels.Geometry(i);
                var overlay = layer.Query(parcel.EnvelopeInternal)
                    .Sum(f => OverlayNGRobust.Overlay(parcel, layer.Geometry(f), SpatialFunction.Intersection).Area); // features are disjoint
                if (Math.Abs(LayerOverlay.AreaInside(parcel, layer) - overlay) > 1e-9 * parcel.Area)
                {
                    throw new InvalidOperationException($"AreaInside and OverlayNG disagree on parcel {i}.");
                }
            }
        }

        var check = ConflictCheck.Run(_data);
        if (check.Parcels is not { } parcels || !(parcels.EcologicalRedline.AreaM2 > 0) || !double.IsFinite(parcels.ParcelOverlap.AreaM2))
        {
            throw new InvalidOperationException("The check gave no usable parcel totals.");
        }
    }

    /// <summary>Reading the five GeoPackage layers.</summary>
    [Benchmark]
    public int ReadGeoPackage() => DatasetReader.Read(Folder).Layers.Count;

    /// <summary>Whole conflict check on loaded data.</summary>
    [Benchmark]
    public double Check() => ConflictCheck.Run(_data).Parcels!.EcologicalRedline.AreaM2;

    /// <summary>Interior test of envelope-overlapping parcel pairs (the pre-test).</summary>
    [Benchmark]
    public int ParcelPairsRelate()
    {
        var n = 0;
        foreach (var (i, j) in _pairs)
        {
            n += RelateNG.Relate(_parcels.Geometry(i), _parcels.Geometry(j), "T********") ? 1 : 0;
        }

        return n;
    }

    /// <summary>Interior test of the same pairs with the shared-edge fast path (RelateNG only where it cannot decide).</summary>
    [Benchmark]
    public int ParcelPairsInteriorContact()
    {
        var n = 0;
        foreach (var (i, j) in _pairs)
        {
            n += InteriorContact.InteriorsIntersect(_parcels.Geometry(i), _parcels.Geometry(j)) ? 1 : 0;
        }

        return n;
    }

    /// <summary>Area of parcels crossing a farmland patch by overlay (OverlayNGRobust).</summary>
    [Benchmark]
    public double CrossingParcelsOverlay()
    {
        double sum = 0;
        foreach (var (i, f) in _crossings)
        {
            sum += OverlayNGRobust.Overlay(_parcels.Geometry(i), _farmland.Geometry(f), SpatialFunction.Intersection).Area;
        }

        return sum;
    }

    /// <summary>The same areas from the boundaries (CrossingArea; overlay only where it gives no answer).</summary>
    [Benchmark]
    public double CrossingParcelsFromBoundaries()
    {
        double sum = 0;
        foreach (var (i, f) in _crossings)
        {
            sum += CrossingArea.Of(_parcels.Geometry(i), _farmland.Geometry(f))
                ?? OverlayNGRobust.Overlay(_parcels.Geometry(i), _farmland.Geometry(f), SpatialFunction.Intersection).Area;
        }

        return sum;
    }

    /// <summary>Full overlay of the same pairs (what the pre-test avoids).</summary>
    [Benchmark]
    public double ParcelPairsOverlay()
    {
        double sum = 0;
        foreach (var (i, j) in _pairs)
        {
            sum += OverlayNGRobust.Overlay(_parcels.Geometry(i), _parcels.Geometry(j), SpatialFunction.Intersection).Area;
        }

        return sum;
    }

    /// <summary>Area of each of 2000 parcels inside the red line.</summary>
    [Benchmark]
    public double ParcelsInRedline() => SumAreaInside(_redline);

    /// <summary>Area of each of 2000 parcels inside the parks (each parcel against the 2,000–5,000-vertex park around it).</summary>
    [Benchmark]
    public double ParcelsInParks() => SumAreaInside(_parks);

    private double SumAreaInside(ProjectedLayer layer)
    {
        double sum = 0;
        for (var i = 0; i < Math.Min(2000, _parcels.Count); i++)
        {
            sum += LayerOverlay.AreaInside(_parcels.Geometry(i), layer);
        }

        return sum;
    }

    private ProjectedLayer Project(LayerRole role)
    {
        var layer = _data.Find(role) ?? throw new InvalidOperationException($"no {role} layer in {Folder}");
        var features = layer.Features.Select(f => new PolygonalFeature(f.Id, f, f.Geometry!)).ToList();
        return new LayerProjections(features, layer.Crs).In(AnalysisCrs.WithoutZonePrefix(layer.Crs));
    }
}
