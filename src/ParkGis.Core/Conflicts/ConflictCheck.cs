using System.Collections.Concurrent;
using System.Globalization;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;
using ParkGis.Core.Analysis;
using ParkGis.Core.Assessment;
using ParkGis.Core.Crs;
using ParkGis.Core.Data;
using ParkGis.Core.Errors;
using ParkGis.Core.Localization;

namespace ParkGis.Core.Conflicts;

/// <summary>
/// The boundary-conflict check (园区四至合规检查): each park against the ecological red line, permanent basic
/// farmland, the urban development boundary and the other parks; and, when the dataset has parcels, the parcel
/// totals against the red line, the farmland, the parks and each other. Conflict area = area(park ∩ union of
/// the control layer), so overlapping control features are never counted twice; touching is not a conflict.
/// </summary>
public sealed class ConflictCheck
{
    private readonly ConflictCheckOptions _options;
    private readonly IProgress<string>? _progress;

    /// <summary>Creates a check with the given options.</summary>
    public ConflictCheck(ConflictCheckOptions options, IProgress<string>? progress = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _progress = progress;
    }

    /// <summary>
    /// The attribute fields the check reads, by canonical name per layer role (besides each layer's id): only the
    /// park names. A reader may skip every other field.
    /// </summary>
    public static IReadOnlyDictionary<LayerRole, IReadOnlyList<string>> FieldsUsed { get; } =
        new Dictionary<LayerRole, IReadOnlyList<string>> { [LayerRole.Parks] = ["name"] };

    /// <summary>
    /// The dataset with each control layer (red line, farmland, urban boundary) cut down to the features the check
    /// can use: those with no geometry (reported as data issues) and those whose envelope meets a park's or a
    /// parcel's (<see cref="ControlReach"/>); each control layer then tells how many it dropped, with those its reader
    /// left unbuilt (<see cref="Layer.FeaturesOutOfReach"/>, <see cref="Layer.FeaturesLeftUnbuilt"/>). The check
    /// does this itself when the dataset has not been through it; a caller that reads a whole city calls it straight
    /// after reading, so that the features elsewhere are freed before they are ever kept for long.
    /// </summary>
    public static Dataset KeepWithinReach(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (dataset.Find(LayerRole.Parks) is not { } parks)
        {
            return dataset; // the check itself reports the missing parks
        }

        var reach = ControlReach.Of(parks, dataset.Find(LayerRole.Parcels));
        var layers = new Dictionary<LayerRole, Layer>();
        foreach (var (role, layer) in dataset.Layers)
        {
            if (!ControlReach.IsControl(role) || layer.FeaturesOutOfReach is not null)
            {
                layers[role] = layer;
                continue;
            }

            var used = reach?.FilterFor(layer.Crs);
            var kept = used is null ? layer.Features : layer.Features.Where(f => f.Geometry is not { IsEmpty: false } geometry || used(geometry.EnvelopeInternal)).ToList();
            layers[role] = layer with { Features = kept, FeaturesOutOfReach = layer.FeaturesLeftUnbuilt + layer.Features.Count - kept.Count };
        }

        return dataset with { Layers = layers };
    }

    /// <summary>Runs the check with default options.</summary>
    public static ConflictCheckResult Run(Dataset dataset) => new ConflictCheck(ConflictCheckOptions.Default).Check(dataset);

    /// <summary>Runs the check on a dataset as read, with the repair policy of the options.</summary>
    /// <exception cref="UnusableInputException">The dataset has no parks layer.</exception>
    public ConflictCheckResult Check(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return Check(ParkAssessment.Of(dataset, new AssessmentOptions(_options.FixInvalidGeometry), _progress));
    }

    /// <summary>Runs the check on the screened layers of an assessment (whose repair policy applies).</summary>
    /// <exception cref="UnusableInputException">The dataset has no parks layer.</exception>
    public ConflictCheckResult Check(ParkAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var cancellation = assessment.Cancellation;
        var parksLayer = assessment.Layer(LayerRole.Parks)
            ?? throw new UnusableInputException(ErrorCodes.RequiredLayerMissing, Localized.Get("NoParksLayer"), assessment.Name,
                hint: assessment.Dataset.MissingLayerHint(LayerRole.Parks));

        // The layers are screened at the same time (validating a few large red-line polygons or parks alone would
        // leave cores idle); their data issues are then reported in this fixed order.
        assessment.Screen(LayerRole.Parks, LayerRole.EcologicalRedline, LayerRole.PermanentFarmland, LayerRole.UrbanBoundary, LayerRole.Parcels);
        var issues = new List<DataIssue>(assessment.Dataset.Issues);
        var parksScreened = assessment.Screened(LayerRole.Parks)!;
        issues.AddRange(parksScreened.Issues);
        var controls = new LayerProjections?[3];
        var controlRoles = new[] { LayerRole.EcologicalRedline, LayerRole.PermanentFarmland, LayerRole.UrbanBoundary };
        for (var k = 0; k < controlRoles.Length; k++)
        {
            if (assessment.Screened(controlRoles[k]) is { } control)
            {
                issues.AddRange(control.Issues);
                controls[k] = control.Projections;
            }
            else
            {
                var role = controlRoles[k];
                issues.Add(new DataIssue(LayerRoles.Name(role), string.Empty, DataIssueCodes.MissingLayer,
                    Localized.Format("ControlLayerMissingNotChecked", LayerRoles.Name(role), LayerRoles.ChineseName(role))));
            }
        }

        var parcelsScreened = assessment.Screened(LayerRole.Parcels);
        if (parcelsScreened is not null)
        {
            issues.AddRange(parcelsScreened.Issues);
        }

        var parks = parksScreened.Projections;
        var (redline, farmland, urban) = (controls[0], controls[1], controls[2]);
        // Exact copies of a parcel are one piece of land here (duplicate_geometry for each copy); the other analyses
        // keep every record, whose attributes they read.
        var parcels = parcelsScreened?.Projections;
        CrsDefinition[]? parcelCrs = null;
        if (parcelsScreened is not null)
        {
            var distinct = DuplicateGeometries.CountOnce(parcelsScreened.Features, LayerRoles.Name(LayerRole.Parcels), issues);
            (parcels, parcelCrs) = distinct.Count == parcelsScreened.Count
                ? (parcelsScreened.Projections, parcelsScreened.AnalysisCrsOfAll.ToArray())
                : (new LayerProjections(distinct, parcelsScreened.Layer.Crs), distinct.Select(f => AnalysisCrs.For(parcelsScreened.Layer.Crs, f.Geometry)).ToArray());
        }

        _progress?.Report(Localized.Format("ProgressCheckingParks", parks.Features.Count));
        var parkCrs = parksScreened.AnalysisCrsOfAll;
        Project(parkCrs, parks, redline, farmland, urban);

        // Parks and parcels are checked at the same time: the few large park overlays alone cannot keep every core
        // busy, and indexing the parcels and then the parcel loop fill the gaps.
        var parkResults = new ParkConflicts[parks.Features.Count];
        ParcelConflicts? parcelResult = null;
        var parallel = new ParallelOptions { CancellationToken = cancellation };
        // The parcels stay on this thread so that their projection, when one is needed, may itself run in parallel.
        var parkCheck = Task.Run(() => Parallel.For(0, parks.Features.Count, parallel, i => parkResults[i] = CheckPark(parksLayer, parks, parkCrs[i], i, redline, farmland, urban)), cancellation);
        try
        {
            if (parcels is not null && parcelCrs is not null)
            {
                Project(parcelCrs, parcels, parks, redline, farmland);
                _progress?.Report(Localized.Format("ProgressCheckingParcels", parcels.Features.Count));
                parcelResult = Unwrapped(() => CheckParcels(parcels, parcelCrs, parks, redline, farmland, issues, cancellation));
            }
        }
        catch
        {
            // Never leave the park task running on its own; the parcels' failure (or the cancellation) is the one reported.
            try
            {
                parkCheck.Wait(CancellationToken.None);
            }
            catch (AggregateException)
            {
            }

            throw;
        }

        Unwrapped(() => parkCheck.Wait(CancellationToken.None));

        var sorted = parkResults.OrderBy(p => p.ParkId, StringComparer.Ordinal).ToList();
        issues.Sort(DataIssueOrder.Compare);
        return new ConflictCheckResult(sorted, parcelResult, issues, _options.MinAreaM2);
    }

    /// <summary>
    /// Runs <paramref name="work"/> and rethrows the first exception of a parallel loop as itself, not wrapped in an
    /// <see cref="AggregateException"/>, so that input errors keep their code, location and hint.
    /// </summary>
    private static T Unwrapped<T>(Func<T> work)
    {
        try
        {
            return work();
        }
        catch (AggregateException aggregate) when (aggregate.Flatten().InnerExceptions.Count > 0)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(aggregate.Flatten().InnerExceptions[0]).Throw();
            throw; // not reached
        }
    }

    private static void Unwrapped(Action work) => Unwrapped(() =>
    {
        work();
        return true;
    });

    /// <summary>
    /// Projects and indexes the layers into every analysis CRS the features need, before the parallel loops use
    /// them: each projection then runs at top level, in parallel, instead of inside a worker while the others wait.
    /// </summary>
    private static void Project(IEnumerable<CrsDefinition> needed, params LayerProjections?[] layers)
    {
        foreach (var crs in needed.DistinctBy(c => c.Epsg).OrderBy(c => c.Epsg))
        {
            foreach (var layer in layers)
            {
                layer?.In(crs);
            }
        }
    }

    private ParkConflicts CheckPark(
        Layer parksLayer, LayerProjections parks, CrsDefinition crs, int index, LayerProjections? redline, LayerProjections? farmland, LayerProjections? urban)
    {
        var feature = parks.Features[index];
        var parksHere = parks.In(crs);
        var park = parksHere.Geometry(index);
        var prepared = parksHere.Prepared(index);

        var tallies = new Dictionary<ConflictKind, ConflictTally>();
        var patches = new List<ConflictPatch>();
        void Record(ConflictKind kind, Geometry conflict, IReadOnlyList<LayerOverlay.Piece> pieces, ProjectedLayer? sourceLayer)
        {
            var (tally, kept) = Tally(feature.Id, kind, conflict, crs, pieces, sourceLayer);
            tallies[kind] = tally;
            patches.AddRange(kept);
        }

        foreach (var (kind, layer) in new[] { (ConflictKind.EcologicalRedline, redline), (ConflictKind.PermanentFarmland, farmland) })
        {
            if (layer is null)
            {
                tallies[kind] = ConflictTally.NotChecked;
                continue;
            }

            var projected = layer.In(crs);
            var pieces = LayerOverlay.Pieces(park, prepared, projected);
            // A park inside one feature conflicts whole: the park itself, not a re-noded union a rounding larger than it.
            var conflict = LayerOverlay.CoveredByOne(park, projected) ? park : LayerOverlay.Union(pieces, park.Factory);
            Record(kind, conflict, pieces, projected);
        }

        if (urban is null)
        {
            tallies[ConflictKind.OutsideUrbanBoundary] = ConflictTally.NotChecked;
        }
        else
        {
            var projected = urban.In(crs);
            Geometry outside;
            if (LayerOverlay.CoveredByOne(park, projected))
            {
                outside = park.Factory.CreatePolygon(); // the usual case: no overlay of the park with itself
            }
            else
            {
                var inside = LayerOverlay.Union(LayerOverlay.Pieces(park, prepared, projected), park.Factory);
                outside = inside.IsEmpty ? park : OverlayNGRobust.Overlay(park, inside, SpatialFunction.Difference);
            }

            Record(ConflictKind.OutsideUrbanBoundary, outside, [], null);
        }

        var overlapPieces = LayerOverlay.Pieces(park, prepared, parksHere, skipIndex: index);
        Record(ConflictKind.ParkOverlap, LayerOverlay.Union(overlapPieces, park.Factory), overlapPieces, parksHere);

        var name = parksLayer.Text(feature.Source, "name") ?? string.Empty;
        return new ParkConflicts(feature.Id, name, crs, park.Area, tallies, patches);
    }

    private (ConflictTally Tally, List<ConflictPatch> Patches) Tally(
        string parkId, ConflictKind kind, Geometry conflict, CrsDefinition crs, IReadOnlyList<LayerOverlay.Piece> pieces, ProjectedLayer? sourceLayer)
    {
        var parts = LayerOverlay.PolygonParts(conflict);
        var kept = new List<ConflictPatch>();
        double total = 0, suppressedArea = 0;
        var suppressed = 0;
        STRtree<int>? partIndex = null;
        if (sourceLayer is not null && pieces.Count > 0 && parts.Count > 0)
        {
            partIndex = new STRtree<int>();
            for (var i = 0; i < parts.Count; i++)
            {
                partIndex.Insert(parts[i].EnvelopeInternal, i);
            }
        }

        var sources = new SortedSet<string>?[parts.Count];
        if (partIndex is not null)
        {
            var partOf = new Dictionary<Polygon, int>(ReferenceEqualityComparer.Instance);
            for (var i = 0; i < parts.Count; i++)
            {
                partOf.TryAdd(parts[i], i);
            }

            foreach (var piece in pieces)
            {
                var id = sourceLayer!.Features[piece.FeatureIndex].Id;
                if (partOf.TryGetValue(piece.Polygon, out var same))
                {
                    (sources[same] ??= new SortedSet<string>(StringComparer.Ordinal)).Add(id); // a piece the union left alone
                    continue;
                }

                var point = piece.Polygon.InteriorPoint.Coordinate;
                foreach (var candidate in partIndex.Query(new Envelope(point)))
                {
                    if (SimplePointInAreaLocator.Locate(point, parts[candidate]) != Location.Exterior)
                    {
                        (sources[candidate] ??= new SortedSet<string>(StringComparer.Ordinal)).Add(id);
                        break;
                    }
                }
            }
        }

        for (var i = 0; i < parts.Count; i++)
        {
            var area = parts[i].Area;
            total += area;
            if (area < _options.MinAreaM2)
            {
                suppressed++;
                suppressedArea += area;
                continue;
            }

            kept.Add(new ConflictPatch(parkId, kind, parts[i], crs, area, sources[i]?.ToList() ?? []));
        }

        kept.Sort((a, b) => b.AreaM2.CompareTo(a.AreaM2));
        return (new ConflictTally(total, kept.Count, suppressed, suppressedArea, Checked: true), kept);
    }

    private ParcelConflicts CheckParcels(
        LayerProjections parcels, CrsDefinition[] crsOf, LayerProjections parks, LayerProjections? redline, LayerProjections? farmland, List<DataIssue> issues, CancellationToken cancellation)
    {
        var count = parcels.Features.Count;
        var red = new double[count];
        var farm = new double[count];
        var outside = new double[count];
        var overlaps = new ParcelOverlaps(parcels, crsOf);
        var done = 0;
        var reportedTenth = 0L;
        var progressGate = new Lock();
        // Long contiguous ranges: parcels are usually stored park by park, so the threads work in different places
        // and rarely need the same feature boundary or window built at the same moment.
        var ranges = Partitioner.Create(0, count, Math.Max(256, count / (8 * Environment.ProcessorCount)));
        Parallel.ForEach(ranges, new ParallelOptions { CancellationToken = cancellation }, range =>
        {
            for (var i = range.Item1; i < range.Item2; i++)
            {
                cancellation.ThrowIfCancellationRequested();
                CheckParcel(i);
            }
        });

        void CheckParcel(int i)
        {
            if (_progress is not null && Interlocked.Increment(ref done) is var finished && finished < count
                && 10L * finished / count is var tenth && tenth != 10L * (finished - 1) / count)
            {
                lock (progressGate)
                {
                    if (tenth > reportedTenth)
                    {
                        reportedTenth = tenth; // rising only: a thread that crossed a tenth late says nothing
                        _progress.Report(Localized.Format("ProgressCheckingParcelsPercent", 10 * tenth));
                    }
                }
            }

            var crs = crsOf[i];
            var here = parcels.In(crs);
            var parcel = here.Geometry(i);
            var envelope = here.Envelope(i);
            red[i] = redline is null ? 0 : LayerOverlay.AreaInside(parcel, envelope, redline.In(crs));
            farm[i] = farmland is null ? 0 : LayerOverlay.AreaInside(parcel, envelope, farmland.In(crs));
            outside[i] = Math.Max(0, HoleFreeShell.AreaOf(parcel) - LayerOverlay.AreaInside(parcel, envelope, parks.In(crs)));
            overlaps.FindPartners(i);
        }

        var min = _options.MinAreaM2;
        ParcelTally Sum(double[] areas, bool isChecked) => new(areas.Sum(), areas.Count(a => a >= min), isChecked);

        return new ParcelConflicts(
            count,
            Sum(red, redline is not null),
            Sum(farm, farmland is not null),
            Sum(outside, isChecked: true),
            overlaps.Tally(min, issues, _progress));
    }
}
