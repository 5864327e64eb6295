using System.Collections.Concurrent;
using System.Globalization;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.HPRtree;
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
    /// Called once with the parks' results, in the order of <see cref="ConflictCheckResult.Parks"/>, as soon as every park
    /// is checked — while the parcels may still be — so that a caller can start on what depends on the parks alone
    /// (the conflict patches). Called on a worker thread; an exception it throws fails the check.
    /// </summary>
    public Action<IReadOnlyList<ParkConflicts>>? ParksChecked { get; init; }

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
    public static Dataset KeepWithinReach(Dataset dataset) => KeepWithinReach(dataset, null);

    /// <summary>
    /// <see cref="KeepWithinReach(Dataset)"/> for a dataset whose parcels are read in chunks (<paramref name="parcels"/>,
    /// their envelopes); null: the dataset's parcels layer.
    /// </summary>
    public static Dataset KeepWithinReach(Dataset dataset, ParcelChunks? parcels)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (dataset.Find(LayerRole.Parks) is not { } parks)
        {
            return dataset; // the check itself reports the missing parks
        }

        var reach = parcels is null ? ControlReach.Of(parks, dataset.Find(LayerRole.Parcels)) : ControlReach.Of(parks, parcels);
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
        // leave cores idle); their data issues are then reported in this fixed order. Parcels read in chunks are
        // screened chunk by chunk (CheckParcels).
        var chunks = assessment.ParcelChunks;
        var parcelsWhole = chunks?.WholeLayer is { } held && ReferenceEquals(held, assessment.Layer(LayerRole.Parcels));
        assessment.Screen(parcelsWhole
            ? [LayerRole.Parks, LayerRole.EcologicalRedline, LayerRole.PermanentFarmland, LayerRole.UrbanBoundary, LayerRole.Parcels]
            : [LayerRole.Parks, LayerRole.EcologicalRedline, LayerRole.PermanentFarmland, LayerRole.UrbanBoundary]);
        if (chunks is not null && !parcelsWhole)
        {
            _progress?.Report(Localized.Format("ProgressScreeningAll", LayerRoles.Name(LayerRole.Parcels), chunks.Count));
        }

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
                    Localized.Format("ControlLayerMissingNotChecked", LayerRoles.Name(role), LayerRoles.Label(role))));
            }
        }

        var parks = parksScreened.Projections;
        var (redline, farmland, urban) = (controls[0], controls[1], controls[2]);
        _progress?.Report(Localized.Format("ProgressCheckingParks", parks.Features.Count));
        var parkCrs = parksScreened.AnalysisCrsOfAll;
        Project(parkCrs, parks, redline, farmland, urban);

        // Parks and parcels are checked at the same time: the few large park overlays alone cannot keep every core
        // busy, and indexing the parcels and then the parcel loop fill the gaps.
        var parkResults = new ParkConflicts[parks.Features.Count];
        List<ParkConflicts>? sorted = null;
        ParcelConflicts? parcelResult = null;
        var parallel = new ParallelOptions { CancellationToken = cancellation };
        // The parcels stay on this thread so that their projection, when one is needed, may itself run in parallel.
        var parkCheck = Task.Run(
            () =>
            {
                Parallel.For(0, parks.Features.Count, parallel, i => parkResults[i] = CheckPark(parksLayer, parks, parkCrs[i], i, redline, farmland, urban));
                sorted = parkResults.OrderBy(p => p.ParkId, StringComparer.Ordinal).ToList();
                ParksChecked?.Invoke(sorted);
            },
            cancellation);
        try
        {
            if (chunks is not null)
            {
                parcelResult = Unwrapped(() => CheckParcels(assessment, chunks, parcelsWhole, parks, redline, farmland, issues, cancellation));
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

        issues.Sort(DataIssueOrder.Compare);
        return new ConflictCheckResult(sorted!, parcelResult, issues, _options.MinAreaM2);
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

    /// <summary>
    /// The parcel totals, chunk by chunk in file order (<see cref="ParcelChunks"/>): each chunk is screened, its exact
    /// copies dropped, its parcels measured against the red line, the farmland and the parks into per-parcel figures,
    /// and its overlapping parcels found; only the parcels that overlap within their chunk or whose envelope meets
    /// another chunk's parcel (the boundary set) are kept. At the end the kept parcels are searched again as one layer:
    /// exact copies across chunks, then the overlaps across chunks, by the same rules — so the totals are those of the
    /// whole layer checked at once, summed in the same (id) order. One chunk is the whole layer, checked as such.
    /// </summary>
    private ParcelConflicts CheckParcels(
        ParkAssessment assessment, ParcelChunks chunks, bool whole, LayerProjections parks, LayerProjections? redline, LayerProjections? farmland,
        List<DataIssue> issues, CancellationToken cancellation)
    {
        var layerName = LayerRoles.Name(LayerRole.Parcels);
        var chunkCount = chunks.ChunkCount;
        var boundary = chunkCount > 1 ? BoundarySet(chunks, cancellation) : null;
        var measured = new List<(string Id, double Red, double Farm, double Outside)>(chunks.Count);
        var kept = new List<PolygonalFeature>();
        var copyOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var progress = new ParcelProgress(_progress, chunks.Count);
        ParcelOverlaps? wholeOverlaps = null;
        for (var c = 0; c < chunkCount; c++)
        {
            cancellation.ThrowIfCancellationRequested();
            CheckChunkOf(c);
            if (chunkCount > 1)
            {
                chunks.ChunkReleased?.Invoke(c + 1); // the chunk is no longer referenced: CheckChunkOf has returned
            }
        }

        // One chunk, read, screened, checked and reduced to its kept parcels; what it read dies when this returns.
        void CheckChunkOf(int c)
        {
            var layer = chunks.Read(c);
            if (!whole)
            {
                AnalysisCrs.RequireZones(layer); // as the assessment requires of a layer read whole
            }

            var screened = whole ? assessment.Screened(LayerRole.Parcels)! : assessment.ScreenPart(layer);
            issues.AddRange(screened.Issues);
            // Exact copies of a parcel are one piece of land here (duplicate_geometry for each copy); the other
            // analyses keep every record, whose attributes they read.
            var copies = DuplicateGeometries.CopiesOf(screened.Features);
            foreach (var (copy, first) in copies)
            {
                copyOf.Add(screened.Features[copy].Id, screened.Features[first].Id);
            }

            var (parcels, crsOf) = copies.Count == 0
                ? (screened.Projections, screened.AnalysisCrsOfAll.ToArray())
                : (new LayerProjections([.. screened.Features.Where((_, i) => !copies.ContainsKey(i))], layer.Crs),
                   screened.Features.Where((_, i) => !copies.ContainsKey(i)).Select(f => AnalysisCrs.For(layer.Crs, f.Geometry)).ToArray());
            Project(crsOf, parcels, parks, redline, farmland);
            if (c == 0)
            {
                progress.Total = whole ? parcels.Features.Count : chunks.Count;
                _progress?.Report(Localized.Format("ProgressCheckingParcels", progress.Total));
            }

            var (red, farm, outside, overlaps) = CheckChunk(parcels, crsOf, parks, redline, farmland, progress, cancellation);
            for (var i = 0; i < red.Length; i++)
            {
                measured.Add((parcels.Features[i].Id, red[i], farm[i], outside[i]));
            }

            if (chunkCount == 1)
            {
                wholeOverlaps = overlaps;
                return;
            }

            var start = chunks.Start(c);
            var positionOf = new Dictionary<Feature, int>(layer.Features.Count, ReferenceEqualityComparer.Instance);
            for (var k = 0; k < layer.Features.Count; k++)
            {
                positionOf[layer.Features[k]] = start + k;
            }

            var overlapping = overlaps.Overlapping();
            for (var i = 0; i < parcels.Features.Count; i++)
            {
                if (overlapping[i] || boundary![positionOf[parcels.Features[i].Source]])
                {
                    kept.Add(parcels.Features[i]);
                }
            }
        }

        issues.AddRange(chunks.IssuesMet);

        // Across chunks: copies among the kept parcels (a copy in another chunk has the same envelope, so both are
        // kept), the smallest id of the whole class kept; then the overlaps among the kept parcels, which hold every
        // parcel of every overlapping pair.
        kept.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        var acrossChunks = DuplicateGeometries.CopiesOf(kept);
        var keptFor = acrossChunks.ToDictionary(c => kept[c.Key].Id, c => kept[c.Value].Id, StringComparer.Ordinal);
        foreach (var (copy, first) in copyOf)
        {
            issues.Add(DuplicateGeometries.CopyIssue(layerName, copy, keptFor.GetValueOrDefault(first, first)));
        }

        foreach (var (copy, first) in keptFor)
        {
            issues.Add(DuplicateGeometries.CopyIssue(layerName, copy, first));
        }

        if (wholeOverlaps is null)
        {
            var distinct = acrossChunks.Count == 0 ? kept : [.. kept.Where((_, i) => !acrossChunks.ContainsKey(i))];
            var keptParcels = new LayerProjections(distinct, chunks.Crs);
            var keptCrs = distinct.Select(f => AnalysisCrs.For(chunks.Crs, f.Geometry)).ToArray();
            Project(keptCrs, keptParcels);
            wholeOverlaps = new ParcelOverlaps(keptParcels, keptCrs);
            var search = wholeOverlaps;
            Parallel.For(0, distinct.Count, new ParallelOptions { CancellationToken = cancellation }, search.FindPartners);
            measured.RemoveAll(m => keptFor.ContainsKey(m.Id));
            measured.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id)); // the order of the whole layer screened at once
        }

        var min = _options.MinAreaM2;
        ParcelTally Sum(Func<(string Id, double Red, double Farm, double Outside), double> area, bool isChecked)
        {
            var areas = measured.Select(area).ToArray();
            return new(areas.Sum(), areas.Count(a => a >= min), isChecked);
        }

        return new ParcelConflicts(
            measured.Count,
            Sum(m => m.Red, redline is not null),
            Sum(m => m.Farm, farmland is not null),
            Sum(m => m.Outside, isChecked: true),
            wholeOverlaps.Tally(min, issues, _progress));
    }

    /// <summary>
    /// The parcels whose envelope meets the envelope of a parcel in another chunk (by position in file order): only
    /// they can overlap, or copy, a parcel of another chunk. Lon/lat envelopes are widened as for the reach
    /// (<see cref="ControlReach"/>), since the parcels are compared projected.
    /// </summary>
    private static bool[] BoundarySet(ParcelChunks chunks, CancellationToken cancellation)
    {
        var margin = chunks.Crs.IsGeographic ? ControlReach.LonLatMargin : 0;
        var index = new HPRtree<int>();
        var envelopes = new Envelope?[chunks.Count]; // each asked for once: the index keeps them, the queries reuse them
        for (var p = 0; p < chunks.Count; p++)
        {
            if ((envelopes[p] = chunks.EnvelopeOf(p)) is { } envelope)
            {
                index.Insert(envelope, p);
            }
        }

        index.Build();
        var boundary = new bool[chunks.Count];
        Parallel.ForEach(Partitioner.Create(0, chunks.Count, 4096), new ParallelOptions { CancellationToken = cancellation }, range =>
        {
            var hit = new OtherChunkHit(chunks);
            for (var p = range.Item1; p < range.Item2; p++)
            {
                if (envelopes[p] is not { } envelope)
                {
                    continue;
                }

                var widened = margin == 0 ? envelope : new Envelope(envelope.MinX - margin, envelope.MaxX + margin, envelope.MinY - margin, envelope.MaxY + margin);
                hit.Reset(chunks.ChunkOf(p));
                index.Query(widened, hit);
                boundary[p] = hit.Found;
            }
        });
        return boundary;
    }

    /// <summary>Whether an index query met a parcel outside one chunk (a visitor reused across queries: no list per query).</summary>
    private sealed class OtherChunkHit(ParcelChunks chunks) : NetTopologySuite.Index.IItemVisitor<int>
    {
        private int _chunk;

        /// <summary>Whether a parcel of another chunk was met since <see cref="Reset"/>.</summary>
        public bool Found { get; private set; }

        /// <summary>Starts a query from a parcel of <paramref name="chunk"/>.</summary>
        public void Reset(int chunk)
        {
            _chunk = chunk;
            Found = false;
        }

        public void VisitItem(int item) => Found |= chunks.ChunkOf(item) != _chunk;
    }

    /// <summary>One chunk's parcels against the red line, the farmland and the parks, and the overlaps among them.</summary>
    private static (double[] Red, double[] Farm, double[] Outside, ParcelOverlaps Overlaps) CheckChunk(
        LayerProjections parcels, CrsDefinition[] crsOf, LayerProjections parks, LayerProjections? redline, LayerProjections? farmland,
        ParcelProgress progress, CancellationToken cancellation)
    {
        var count = parcels.Features.Count;
        var red = new double[count];
        var farm = new double[count];
        var outside = new double[count];
        var overlaps = new ParcelOverlaps(parcels, crsOf);
        // Long contiguous ranges: parcels are usually stored park by park, so the threads work in different places
        // and rarely need the same feature boundary or window built at the same moment.
        if (count == 0)
        {
            return (red, farm, outside, overlaps); // a chunk whose every parcel was left out or a copy
        }

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
            progress.Step();
            var crs = crsOf[i];
            var here = parcels.In(crs);
            var parcel = here.Geometry(i);
            var envelope = here.Envelope(i);
            red[i] = redline is null ? 0 : LayerOverlay.AreaInside(parcel, envelope, redline.In(crs));
            farm[i] = farmland is null ? 0 : LayerOverlay.AreaInside(parcel, envelope, farmland.In(crs));
            outside[i] = Math.Max(0, HoleFreeShell.AreaOf(parcel) - LayerOverlay.AreaInside(parcel, envelope, parks.In(crs)));
            overlaps.FindPartners(i);
        }

        return (red, farm, outside, overlaps);
    }

    /// <summary>The parcel loop's progress in tenths, over every chunk; safe on any thread.</summary>
    private sealed class ParcelProgress(IProgress<string>? progress, int total)
    {
        private readonly Lock _gate = new();
        private int _done;
        private long _reportedTenth;

        /// <summary>The parcels the tenths are counted over.</summary>
        public int Total { get; set; } = total;

        /// <summary>One parcel done.</summary>
        public void Step()
        {
            if (progress is not null && Interlocked.Increment(ref _done) is var finished && finished < Total
                && 10L * finished / Total is var tenth && tenth != 10L * (finished - 1) / Total)
            {
                lock (_gate)
                {
                    if (tenth > _reportedTenth)
                    {
                        _reportedTenth = tenth; // rising only: a thread that crossed a tenth late says nothing
                        progress.Report(Localized.Format("ProgressCheckingParcelsPercent", 10 * tenth));
                    }
                }
            }
        }
    }
}
