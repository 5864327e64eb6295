using System.Collections.Concurrent;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;
using ParkGis.Core.Analysis;
using ParkGis.Core.Assessment;
using ParkGis.Core.Crs;
using ParkGis.Core.Data;
using ParkGis.Core.Dates;
using ParkGis.Core.Errors;
using ParkGis.Core.Idle;
using ParkGis.Core.Localization;
using ParkGis.Core.Parks;

namespace ParkGis.Core.Supply;

/// <summary>
/// The approval-and-supply ledger (批供台账) on an as-of date: per approval batch, per park and per banner the
/// approved area (批), the supplied area (供 = area(approved ∩ ∪parcels supplied on or before the as-of date)), the
/// remainder (批而未供) and the supply rate (供地率); the area-weighted rate over the batches of the last N calendar
/// years against the 60 % yardstick; and supplied land outside every batch (未批先供). Everything is measured
/// spatially in metres (a batch in its analysis CRS, a park in its own), never from attribute areas.
/// </summary>
public sealed class SupplyLedger
{
    private const string BatchIdField = "batch_id";
    private const string ApprovedOnField = "approved_on";
    private const string ApprovalNoField = "approval_no";
    private const string BannerField = "banner";

    private readonly SupplyLedgerOptions _options;
    private readonly IProgress<string>? _progress;

    /// <summary>Creates a ledger with the given options.</summary>
    public SupplyLedger(SupplyLedgerOptions options, IProgress<string>? progress = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.WindowYears);
        _progress = progress;
    }

    /// <summary>
    /// The layers the ledger reads: approvals, parcels, the parks and 旗区 boundaries it measures, and the land-use
    /// survey for existing construction land (a scoped read may leave every other layer unopened).
    /// </summary>
    public static IReadOnlyCollection<LayerRole> LayersUsed { get; } =
        [LayerRole.Approvals, LayerRole.Parcels, LayerRole.Parks, LayerRole.Banners, LayerRole.LandUse];

    /// <summary>Runs the ledger with default options.</summary>
    public static SupplyLedgerResult Run(Dataset dataset, DateOnly asOf) => new SupplyLedger(SupplyLedgerOptions.Default).Compute(dataset, asOf);

    /// <summary>Computes the ledger on a dataset as read (invalid geometry left out).</summary>
    /// <exception cref="UnusableInputException">The dataset has no approvals or no parcels layer.</exception>
    public SupplyLedgerResult Compute(Dataset dataset, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return Compute(ParkAssessment.Of(dataset, progress: _progress), asOf);
    }

    /// <summary>Computes the ledger from the screened layers of an assessment.</summary>
    /// <exception cref="UnusableInputException">The dataset has no approvals or no parcels layer.</exception>
    public SupplyLedgerResult Compute(ParkAssessment assessment, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var cancellation = assessment.Cancellation;
        var parallel = new ParallelOptions { CancellationToken = cancellation };
        // Several features sharing a batch_id are one batch, not duplicates.
        var issues = assessment.Dataset.Issues
            .Where(i => !(string.Equals(i.Layer, LayerRoles.Name(LayerRole.Approvals), StringComparison.Ordinal)
                && string.Equals(i.Code, DataIssueCodes.DuplicateId, StringComparison.Ordinal)))
            .ToList();
        var approvalsLayer = assessment.RequireLayer(LayerRole.Approvals, "supply");
        var parcelLayer = assessment.RequireLayer(LayerRole.Parcels, "supply");

        _progress?.Report(Localized.Format("ProgressSupplyMeasuring", approvalsLayer.Features.Count, parcelLayer.Features.Count));
        assessment.Screen(LayerRole.Approvals, LayerRole.Parcels, LayerRole.Parks);
        var approvalsScreened = assessment.Screened(LayerRole.Approvals)!;
        var parcelsScreened = assessment.Screened(LayerRole.Parcels)!;
        issues.AddRange(approvalsScreened.Issues);
        issues.AddRange(parcelsScreened.Issues);
        issues.AddRange(AbsentFields.Issues(parcelLayer, ParcelFields.SuppliedOn));
        issues.AddRange(AbsentFields.Issues(approvalsLayer, ApprovedOnField));
        string BatchOf(PolygonalFeature f) => BatchIdOf(approvalsLayer, f);
        var approvalFeatures = InBatchOrder(approvalsLayer, approvalsScreened, asOf, out var approvedLater);
        var approvals = new LayerProjections(approvalFeatures, approvalsLayer.Crs);
        var (suppliedFeatures, suppliedIndexes, suppliedOn) = SuppliedBy(asOf, parcelsScreened, issues);
        var supplied = new LayerProjections(suppliedFeatures, parcelLayer.Crs);
        var parksScreened = assessment.Screened(LayerRole.Parks);
        var parksLayer = parksScreened?.Layer;
        var parks = parksScreened?.Projections;
        if (parksScreened is not null)
        {
            issues.AddRange(parksScreened.Issues);
            issues.AddRange(assessment.ParcelParks.Issues);
        }
        else
        {
            issues.Add(new DataIssue(LayerRoles.Name(LayerRole.Parks), string.Empty, DataIssueCodes.MissingLayer,
                Localized.Get("SupplyNoParksLayer")));
        }

        _progress?.Report(Localized.Format("ProgressSupplyBatches", approvalFeatures.Select(BatchOf).Distinct(StringComparer.Ordinal).Count(), suppliedFeatures.Count));
        var groups = Enumerable.Range(0, approvalFeatures.Count).GroupBy(i => BatchOf(approvalFeatures[i]), StringComparer.Ordinal).ToList();
        var banners = assessment.ParkBanners;
        issues.AddRange(banners.Issues);
        var batches = new BatchSupply[groups.Count];
        var known = new ApprovalCovers();
        Parallel.For(0, groups.Count, parallel, g => batches[g] = MeasureBatch(groups[g].Key, groups[g].ToList(), approvalsLayer, approvals, supplied, banners, known));
        foreach (var group in groups)
        {
            CheckBatchAttributes(group.Key, group.Select(i => approvalFeatures[i].Source).ToList(), approvalsLayer, issues);
        }

        // A feature without a batch_id where others have one is a batch of its own, named by its feature id: said.
        if (approvalFeatures.Any(f => approvalsLayer.Text(f.Source, BatchIdField) is not null))
        {
            foreach (var feature in approvalFeatures.Where(f => approvalsLayer.Text(f.Source, BatchIdField) is null))
            {
                issues.Add(new DataIssue(LayerRoles.Name(LayerRole.Approvals), feature.Id, DataIssueCodes.MissingId,
                    Localized.Format("BatchIdEmpty", FieldLabels.WithSource(BatchIdField, approvalsLayer.SourceField(BatchIdField)), feature.Id)));
            }
        }

        var window = Window(asOf, batches);
        var windowBatchIds = window.BatchIds.ToHashSet(StringComparer.Ordinal);
        var inWindow = approvalFeatures.Select(f => windowBatchIds.Contains(BatchOf(f))).ToArray();
        var parkResults = new List<AreaSupply>();
        var parkWindowResults = new List<AreaSupply>();
        var bannerResults = new List<AreaSupply>();
        if (parks is not null && parksLayer is not null)
        {
            _progress?.Report(Localized.Format("ProgressMeasuringParks", parks.Features.Count));
            var parkCount = parks.Features.Count;
            var bannerGroups = Enumerable.Range(0, parkCount)
                .Select(i => (Park: i, Banner: banners.Of(parks.Features[i].Id)))
                .Where(p => p.Banner.Length > 0)
                .GroupBy(p => p.Banner, p => p.Park, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => (Banner: g.Key, Parks: g.ToArray()))
                .ToList();
            var bannerCrs = bannerGroups.ConvertAll(g => BannerCrs(g.Parks, parks));
            // A 旗区 of one park measured in the park's CRS is that park's boundary: the park's pass measures it too.
            var soleBannerOf = new int[parkCount];
            Array.Fill(soleBannerOf, -1);
            for (var k = 0; k < bannerGroups.Count; k++)
            {
                if (bannerGroups[k].Parks is [var park] && bannerCrs[k].Epsg == parksScreened!.AnalysisCrsOf(park).Epsg)
                {
                    soleBannerOf[park] = k;
                }
            }

            // A 旗区 of several parks that share no interior, each analysed in the 旗区's CRS, holds its parks' land and
            // nothing else: its figures are theirs added up (docs/rules.md#supply-banner-sum).
            var summed = Enumerable.Range(0, bannerGroups.Count)
                .Select(k => bannerGroups[k].Parks.Length > 1 && ParksAddUp(bannerGroups[k].Parks, bannerCrs[k], parksScreened!))
                .ToArray();
            var parkArray = new AreaSupply[parkCount];
            var parkWindowArray = new AreaSupply[parkCount];
            var bannerArray = new AreaSupply[bannerGroups.Count];
            var others = Enumerable.Range(0, bannerGroups.Count)
                .Where(k => !summed[k] && (bannerGroups[k].Parks is not [var p] || soleBannerOf[p] != k)).ToList();
            // Every park (with all batches, with the window's, and as its 旗区 when it is the only park) and every other
            // 旗区 in one loop, largest first, so that a large one does not leave the other cores waiting at the end.
            var work = Enumerable.Range(0, parkCount).Select(i => (Park: i, Banner: -1, Size: 1.5 * parksScreened!.AreaM2(i)))
                .Concat(others.Select(k => (Park: -1, Banner: k, Size: bannerGroups[k].Parks.Sum(parksScreened!.AreaM2))))
                .OrderByDescending(w => w.Size).ThenBy(w => w.Park).ThenBy(w => w.Banner)
                .ToList();
            LargestFirst(work, parallel, w =>
            {
                if (w.Park >= 0)
                {
                    var measured = MeasurePark(parksScreened!, w.Park, banners, approvals, supplied, known, inWindow, alsoWholeBoundary: soleBannerOf[w.Park] >= 0);
                    parkArray[w.Park] = measured.All;
                    parkWindowArray[w.Park] = measured.Window!;
                    if (soleBannerOf[w.Park] is var k and >= 0)
                    {
                        var banner = bannerGroups[k].Banner;
                        var (approved, suppliedM2) = measured.WholeBoundary!.Value;
                        bannerArray[k] = new AreaSupply(banner, banner, banner, bannerCrs[k], approved, suppliedM2);
                    }
                }
                else
                {
                    bannerArray[w.Banner] = MeasureBanner(bannerGroups[w.Banner].Banner, bannerGroups[w.Banner].Parks, bannerCrs[w.Banner], parks, approvals, supplied, known);
                }
            });
            for (var k = 0; k < bannerGroups.Count; k++)
            {
                if (summed[k])
                {
                    var (banner, members) = bannerGroups[k];
                    double approved = 0, suppliedM2 = 0;
                    foreach (var park in members)
                    {
                        approved += parkArray[park].ApprovedM2;
                        suppliedM2 += parkArray[park].SuppliedM2;
                    }

                    bannerArray[k] = new AreaSupply(banner, banner, banner, bannerCrs[k], approved, Math.Min(approved, suppliedM2));
                }
            }

            parkResults.AddRange(parkArray);
            parkWindowResults.AddRange(parkWindowArray);
            bannerResults.AddRange(bannerArray);
        }

        _progress?.Report(Localized.Get("ProgressUnapprovedSupply"));
        var parkOfParcel = suppliedIndexes.Select(i => parksScreened is null ? string.Empty : assessment.ParcelParks.ParkIdOf(i)).ToArray();
        var existing = ExistingConstructionLand(assessment, issues);
        var (unapproved, unapprovedArea, suppressed) = FindUnapproved(supplied, suppliedOn, parkOfParcel, approvals, existing, known, cancellation);

        issues.Sort(DataIssueOrder.Compare);
        return new SupplyLedgerResult(asOf, _options, batches.OrderBy(b => b.BatchId, StringComparer.Ordinal).ToList(), parkResults, bannerResults,
            window, unapproved, unapprovedArea, suppressed, issues.Distinct().ToList())
        {
            Cancellation = cancellation,
            ParksInWindow = parkWindowResults,
            BannersInWindow = BannerWindows(window, batches, parkResults.Select(p => p.Banner)),
            ExistingConstructionChecked = existing is not null,
            BatchesApprovedLater = approvedLater,
        };
    }

    /// <summary>
    /// Only the parks' approved and supplied land on <paramref name="asOf"/> (批, 供, 批而未供 per park), measured as
    /// <see cref="Compute(ParkAssessment, DateOnly)"/> measures <see cref="SupplyLedgerResult.Parks"/>, without the
    /// batches, the window, the 旗区 or 未批先供: for analyses that use only a park's 批而未供 (intensity's B21).
    /// </summary>
    /// <returns>One figure per screened park, in the parks' order; none without a parks layer.</returns>
    /// <exception cref="UnusableInputException">The dataset has no approvals or no parcels layer.</exception>
    public IReadOnlyList<AreaSupply> ParkFigures(ParkAssessment assessment, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var approvalsLayer = assessment.RequireLayer(LayerRole.Approvals, "supply");
        assessment.RequireLayer(LayerRole.Parcels, "supply");
        assessment.Screen(LayerRole.Approvals, LayerRole.Parcels, LayerRole.Parks);
        if (assessment.Screened(LayerRole.Parks) is not { } parks)
        {
            return [];
        }

        var approvals = new LayerProjections(InBatchOrder(approvalsLayer, assessment.Screened(LayerRole.Approvals)!, asOf, out _), approvalsLayer.Crs);
        var (suppliedFeatures, _, _) = SuppliedBy(asOf, assessment.Screened(LayerRole.Parcels)!, []);
        var supplied = new LayerProjections(suppliedFeatures, assessment.Screened(LayerRole.Parcels)!.Layer.Crs);
        _progress?.Report(Localized.Format("ProgressMeasuringParks", parks.Count));
        return MeasureParks(parks, assessment.ParkBanners, approvals, supplied, new ParallelOptions { CancellationToken = assessment.Cancellation });
    }

    private static string BatchIdOf(Layer approvalsLayer, PolygonalFeature feature) => approvalsLayer.Text(feature.Source, BatchIdField) ?? feature.Id;

    /// <summary>
    /// The approval features of the batches approved on or before <paramref name="asOf"/> (or with no readable approval
    /// date), by batch id, then by position and size (a fixed order, whatever the file's). A batch approved later did not
    /// exist on the as-of date (docs/rules.md#supply-rate): <paramref name="approvedLater"/> counts those left out.
    /// </summary>
    private static List<PolygonalFeature> InBatchOrder(Layer approvalsLayer, ScreenedLayer approvals, DateOnly asOf, out int approvedLater)
    {
        var ordered = approvals.Features
            .OrderBy(f => BatchIdOf(approvalsLayer, f), StringComparer.Ordinal).ThenBy(f => f.Geometry.EnvelopeInternal.MinX).ThenBy(f => f.Geometry.EnvelopeInternal.MinY)
            .ThenBy(f => f.Geometry.Area).ThenBy(f => f.Geometry.NumPoints).ToList();
        var later = ordered.GroupBy(f => BatchIdOf(approvalsLayer, f), StringComparer.Ordinal)
            .Where(batch => ApprovedOn(approvalsLayer, batch.Select(f => f.Source)) > asOf)
            .Select(batch => batch.Key)
            .ToHashSet(StringComparer.Ordinal);
        approvedLater = later.Count;
        return later.Count == 0 ? ordered : ordered.FindAll(f => !later.Contains(BatchIdOf(approvalsLayer, f)));
    }

    /// <summary>A batch's approval date (批准日期): the first readable one of its features in batch order; null when none has one.</summary>
    private static DateOnly? ApprovedOn(Layer layer, IEnumerable<Feature> members)
    {
        foreach (var feature in members)
        {
            if (LenientDateParser.TryParse(layer.Value(feature, ApprovedOnField), out var date) && !LenientDateParser.IsPlaceholder(date))
            {
                return date;
            }
        }

        return null;
    }

    /// <summary>The parcels supplied on or before <paramref name="asOf"/>, with their screened index and supply date.</summary>
    private static (List<PolygonalFeature> Features, List<int> Indexes, List<DateOnly> SuppliedOn) SuppliedBy(DateOnly asOf, ScreenedLayer parcels, List<DataIssue> issues)
    {
        var features = new List<PolygonalFeature>();
        var indexes = new List<int>();
        var dates = new List<DateOnly>();
        for (var i = 0; i < parcels.Count; i++)
        {
            if (SuppliedOn(parcels.Layer, parcels.Features[i].Source, issues) is { } date && date <= asOf)
            {
                features.Add(parcels.Features[i]);
                indexes.Add(i);
                dates.Add(date);
            }
        }

        return (features, indexes, dates);
    }

    /// <summary>Each park's approved land (of <paramref name="approvals"/>) and the supplied part of it, in the parks' order.</summary>
    private static AreaSupply[] MeasureParks(ScreenedLayer parks, ParkBanners banners, LayerProjections approvals, LayerProjections supplied, ParallelOptions parallel)
    {
        var results = new AreaSupply[parks.Count];
        var known = new ApprovalCovers();
        var work = Enumerable.Range(0, parks.Count).OrderByDescending(parks.AreaM2).ThenBy(i => i).ToList();
        LargestFirst(work, parallel, i => results[i] = MeasurePark(parks, i, banners, approvals, supplied, known, inWindow: null, alsoWholeBoundary: false).All);
        return results;
    }

    /// <summary>
    /// Runs <paramref name="body"/> on every item, on all cores, each core taking the next item in the list's order when
    /// it is free: with the items sorted largest first, the last to finish is a small one.
    /// </summary>
    private static void LargestFirst<T>(List<T> items, ParallelOptions parallel, Action<T> body) =>
        Parallel.ForEach(Partitioner.Create(items, EnumerablePartitionerOptions.NoBuffering), parallel, body);

    /// <summary>
    /// One park's approved land and the supplied part of it: of all batches; of the window's batches (those marked in
    /// <paramref name="inWindow"/>, when given); and of all batches as its 旗区 measures it when the 旗区 has no other park
    /// (<paramref name="alsoWholeBoundary"/>: parcels on the park's edge cut by the whole boundary, not a window of it).
    /// </summary>
    private static ParkMeasure MeasurePark(
        ScreenedLayer parks, int index, ParkBanners banners, LayerProjections approvals, LayerProjections supplied, ApprovalCovers known, bool[]? inWindow,
        bool alsoWholeBoundary)
    {
        var feature = parks.Features[index];
        var crs = parks.AnalysisCrsOf(index);
        var projected = parks.Projections.In(crs);
        var area = projected.Geometry(index);
        var figures = MeasureArea(area, envelope => projected.Around(index, envelope), crs, approvals, supplied, known, inWindow, alsoWholeBoundary);
        var name = parks.Layer.Text(feature.Source, "name") ?? string.Empty;
        var banner = banners.Of(feature.Id);
        return new ParkMeasure(
            new AreaSupply(feature.Id, name, banner, crs, figures.All.Approved, figures.All.Supplied),
            figures.Window is { } w ? new AreaSupply(feature.Id, name, banner, crs, w.Approved, w.Supplied) : null,
            figures.WholeBoundary);
    }

    /// <summary>The analysis CRS of a 旗区: that of its parks taken together.</summary>
    private static CrsDefinition BannerCrs(IReadOnlyList<int> members, LayerProjections parks)
    {
        var factory = parks.Features[members[0]].Geometry.Factory;
        return AnalysisCrs.For(parks.SourceCrs, factory.BuildGeometry(members.Select(i => parks.Features[i].Geometry).ToList()));
    }

    /// <summary>
    /// Whether a 旗区's land is its parks' land added up: every park analysed in the 旗区's CRS and no two sharing
    /// interior (parks that only touch add up; overlapping ones would count their common land twice).
    /// </summary>
    private static bool ParksAddUp(int[] members, CrsDefinition crs, ScreenedLayer parks)
    {
        if (members.Any(p => parks.AnalysisCrsOf(p).Epsg != crs.Epsg))
        {
            return false;
        }

        var projected = parks.Projections.In(crs);
        for (var i = 0; i < members.Length; i++)
        {
            var a = projected.Geometry(members[i]);
            for (var j = i + 1; j < members.Length; j++)
            {
                var b = projected.Geometry(members[j]);
                if (a.EnvelopeInternal.Intersects(b.EnvelopeInternal) && InteriorContact.InteriorsIntersect(a, b))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>A 旗区's approved land (the union of its parks) and the supplied part of it.</summary>
    private static AreaSupply MeasureBanner(
        string banner, IReadOnlyList<int> members, CrsDefinition crs, LayerProjections parks, LayerProjections approvals, LayerProjections supplied, ApprovalCovers known)
    {
        var factory = parks.Features[members[0]].Geometry.Factory;
        var projected = parks.In(crs);
        var area = members.Count == 1 ? projected.Geometry(members[0]) : OverlayNGRobust.Union(members.Select(projected.Geometry).ToList(), factory);
        var (approved, suppliedM2) = MeasureArea(area, _ => area, crs, approvals, supplied, known, inWindow: null, alsoWholeBoundary: false).All;
        return new AreaSupply(banner, banner, banner, crs, approved, suppliedM2);
    }

    /// <summary>The supply date; an unreadable one is not a supply (the reading's issue says so, worded as idle words it).</summary>
    private static DateOnly? SuppliedOn(Layer layer, Feature feature, List<DataIssue> issues) =>
        ParcelLifecycleReader.ReadDate(layer, feature, ParcelFields.SuppliedOn, issues, out _);

    private static BatchSupply MeasureBatch(
        string batchId, List<int> members, Layer layer, LayerProjections approvals, LayerProjections supplied, ParkBanners banners, ApprovalCovers known)
    {
        var factory = approvals.Features[members[0]].Geometry.Factory;
        var sourceGeometry = members.Count == 1 ? approvals.Features[members[0]].Geometry : factory.BuildGeometry(members.Select(i => approvals.Features[i].Geometry).ToList());
        var crs = AnalysisCrs.For(approvals.SourceCrs, sourceGeometry);
        var projected = approvals.In(crs);
        var batch = members.Count == 1 ? projected.Geometry(members[0]) : OverlayNGRobust.Union(members.Select(projected.Geometry).ToList(), factory);
        // A batch of one feature is that approval feature: whether it covers each parcel along its edges is noted for the
        // parks and 未批先供, which ask the same.
        var pieces = LayerOverlay.Pieces(batch, new RelatePreparedGeometry(batch), new FeatureBoundary(batch), supplied.In(crs),
            members is [var only] ? (parcel, covers) => known.Record(crs.Epsg, only, parcel, covers) : null);
        // 批而未供 = batch − ∪pieces in one overlay, without building the union (only its area is needed here); the
        // overlay waits until the land itself is asked for (the published layer), so the figures alone do without it.
        var (cut, suppliedArea) = LayerOverlay.RemainderCut(pieces.ConvertAll(p => p.Polygon), factory);
        var unsupplied = new Lazy<Geometry>(() => LayerOverlay.Remainder(batch, cut));

        var first = approvals.Features[members[0]].Source;
        var approvedOn = ApprovedOn(layer, members.Select(i => approvals.Features[i].Source));

        var approvalNo = members.Select(i => layer.Text(approvals.Features[i].Source, ApprovalNoField)).FirstOrDefault(t => t is not null) ?? string.Empty;
        // docs/rules.md#supply-yardstick: the batch's own 旗区, else the banners layer's.
        var banner = layer.Text(first, BannerField) ?? banners.LargestOverlap(batch, crs) ?? string.Empty;
        return new BatchSupply(batchId, approvalNo, approvedOn, banner, members.Count, crs,
            batch.Area, Math.Min(batch.Area, suppliedArea), unsupplied);
    }

    private static void CheckBatchAttributes(string batchId, List<Feature> members, Layer layer, List<DataIssue> issues)
    {
        var layerName = LayerRoles.Name(layer.Role);
        var dates = members.Select(f => layer.Text(f, ApprovedOnField)).ToList();
        foreach (var feature in members)
        {
            if (LenientDateParser.TryParse(layer.Value(feature, ApprovedOnField), out var date) && LenientDateParser.IsPlaceholder(date))
            {
                issues.Add(new DataIssue(layerName, feature.Id, DataIssueCodes.PlaceholderDate,
                    LenientDateParser.PlaceholderMessage(ApprovedOnField, date, string.Empty)));
            }
        }

        bool Empty(Feature f) => layer.Text(f, ApprovedOnField) is null
            || (LenientDateParser.TryParse(layer.Value(f, ApprovedOnField), out var date) && LenientDateParser.IsPlaceholder(date));
        if (members.All(Empty))
        {
            issues.Add(new DataIssue(layerName, batchId, DataIssueCodes.MissingValue,
                Localized.Get("BatchApprovedOnEmpty")));
        }
        else
        {
            foreach (var (feature, text) in members.Zip(dates))
            {
                if (text is not null && !LenientDateParser.TryParse(layer.Value(feature, ApprovedOnField), out _))
                {
                    issues.Add(new DataIssue(layerName, feature.Id, DataIssueCodes.UnparseableValue,
                        Localized.Format("ValueNotADate", ApprovedOnField, text)));
                }
            }
        }

        foreach (var field in new[] { ApprovedOnField, ApprovalNoField })
        {
            var values = members.Select(f => layer.Text(f, field)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            if (values.Count > 1)
            {
                issues.Add(new DataIssue(layerName, batchId, DataIssueCodes.InconsistentBatch,
                    Localized.Format("BatchFeaturesDisagree", batchId, field, string.Join(", ", values))));
            }
        }
    }

    /// <param name="area">The park or 旗区, in <paramref name="crs"/>.</param>
    /// <param name="around">The area, or a window of it that meets any geometry inside the given envelope as the area does.</param>
    /// <param name="crs">The analysis CRS.</param>
    /// <param name="approvals">The approval features.</param>
    /// <param name="supplied">The supplied parcels.</param>
    /// <param name="known">What this run has decided about parcels and approvals.</param>
    /// <param name="inWindow">Which approval features are of the window's batches, when the window is measured too.</param>
    /// <param name="alsoWholeBoundary">Whether to measure all batches also with parcels on the edge cut by the whole area.</param>
    /// <returns>
    /// The figures of all batches; of the window's batches (when asked), the same as those of a layer holding only their
    /// features; of all batches cut by the whole area (when asked), the same as with <c>around</c> returning the area.
    /// One pass over the parcels measures all three: they share where a parcel lies, whether the area covers it and which
    /// approvals cover it.
    /// </returns>
    private static AreaFigures MeasureArea(
        Geometry area, Func<Envelope, Geometry> around, CrsDefinition crs, LayerProjections approvals, LayerProjections supplied, ApprovalCovers known,
        bool[]? inWindow, bool alsoWholeBoundary)
    {
        // A park's approved land shares its edges with the parcels and approvals traced on one grid: RelateNG decides
        // those features' Covers from a kept index (PreparedPolygon relates the whole area again for each).
        var preparedArea = new RelatePreparedGeometry(area);
        var approvalsHere = approvals.In(crs);
        var boundary = new FeatureBoundary(area);
        var approvedPieces = LayerOverlay.Pieces(area, preparedArea, boundary, approvalsHere);
        var windowPieces = inWindow is null ? null : approvedPieces.FindAll(p => inWindow[p.FeatureIndex]);
        if (approvedPieces.Count == 0)
        {
            return new AreaFigures((0, 0), inWindow is null ? null : (0, 0), alsoWholeBoundary ? (0, 0) : null);
        }

        // Only areas are needed: pieces that share no interior add their areas, and only those that overlap
        // (approvals or parcels lying on one another) are unioned.
        var approvedUnion = MeasuredUnion.Of(approvedPieces.ConvertAll(p => p.Polygon), area.Factory);
        var approved = approvedUnion.Area;
        var parts = new SuppliedParts(
            windowPieces is { Count: > 0 } ? [] : null, inWindow, alsoWholeBoundary ? [] : null, alsoWholeBoundary ? area : null);
        var suppliedHere = supplied.In(crs);
        var near = new List<int>();
        // Each approval prepared once (for this area): its Covers of a parcel along its own edges is then decided from
        // its kept index, where the parcel's relate would node the whole approval again for every parcel.
        var preparedApprovals = new RelatePreparedGeometry?[approvalsHere.Count];
        RelatePreparedGeometry Approval(int index) => preparedApprovals[index] ??= new RelatePreparedGeometry(approvalsHere.Geometry(index));
        foreach (var j in suppliedHere.Query(area.EnvelopeInternal))
        {
            // A parcel that no segment of the area's boundary comes near lies wholly inside or wholly outside it.
            var parcel = suppliedHere.Geometry(j);
            boundary.Near(parcel.EnvelopeInternal, near);
            var location = near.Count == 0 ? boundary.Locate(parcel.Coordinate) : Location.Boundary;
            if (location != Location.Exterior)
            {
                ApprovedPart(parcel, j, location == Location.Interior, around, preparedArea, approvalsHere, Approval, known, parts);
            }
        }

        // The window's and the whole boundary's lists hold mostly the same polygon objects: their unions are measured
        // from the groups of all batches' (the same figures as measured alone).
        var suppliedUnion = MeasuredUnion.Of(parts.All, area.Factory);
        var suppliedArea = suppliedUnion.Area;
        (double, double)? window = null;
        if (windowPieces is not null)
        {
            var windowApproved = windowPieces.Count == 0 ? 0 : approvedUnion.AreaOf(windowPieces.ConvertAll(p => p.Polygon));
            window = windowPieces.Count == 0 ? (0, 0) : (windowApproved, Math.Min(windowApproved, suppliedUnion.AreaOf(parts.Window!)));
        }

        (double, double)? whole = null;
        if (alsoWholeBoundary)
        {
            whole = (approved, Math.Min(approved, parts.WholeDiffers ? suppliedUnion.AreaOf(parts.Whole!) : suppliedArea));
        }

        return new AreaFigures((approved, Math.Min(approved, suppliedArea)), window, whole);
    }

    /// <summary>
    /// Adds the polygons of parcel ∩ area ∩ ∪approvals to <paramref name="parts"/>: the parcel itself when the area covers
    /// it and one approval feature does (most supplied parcels, decided from the parcel's own relate), else the pieces of
    /// its part inside the area cut by each approval; likewise with the window's approvals and with the whole area.
    /// </summary>
    /// <param name="parcel">A supplied parcel.</param>
    /// <param name="parcelIndex">Its index among the supplied parcels.</param>
    /// <param name="insideArea">Whether the parcel is known to lie inside the area (else the area's relate decides).</param>
    /// <param name="around">The park or 旗区, or a window of it around an envelope.</param>
    /// <param name="preparedArea">The park or 旗区, prepared.</param>
    /// <param name="approvals">The approval features.</param>
    /// <param name="preparedApproval">Approval feature <c>i</c>, prepared.</param>
    /// <param name="known">What this run has decided about parcels and approvals.</param>
    /// <param name="parts">The lists the parts go to.</param>
    private static void ApprovedPart(
        Geometry parcel, int parcelIndex, bool insideArea, Func<Envelope, Geometry> around, RelatePreparedGeometry preparedArea, ProjectedLayer approvals,
        Func<int, RelatePreparedGeometry> preparedApproval, ApprovalCovers known, SuppliedParts parts)
    {
        // Along the area's edge most parcels lie inside it: Covers first (a covered parcel with an area shares the
        // area's interior), and the interiors' test only for the others.
        var covered = insideArea || preparedArea.Covers(parcel);
        if (!insideArea && !(covered && parcel.Area > 0) && !preparedArea.InteriorsIntersect(parcel))
        {
            return;
        }

        if (covered)
        {
            // Whether one approval covers the parcel, and whether one of the window's does (asked until known).
            var (coveredByOne, coveredByOneInWindow) = (false, false);
            foreach (var j in approvals.Query(parcel.EnvelopeInternal))
            {
                if (parts.Window is null ? coveredByOne : coveredByOneInWindow)
                {
                    break;
                }

                if ((!coveredByOne || parts.InWindow![j]) && approvals.Envelope(j).Covers(parcel.EnvelopeInternal)
                    && (known.Covers(approvals, j, parcel, parcelIndex) ?? known.Record(approvals.Crs.Epsg, j, parcelIndex, ShellCover.Covers(approvals.Geometry(j), parcel) ?? preparedApproval(j).Covers(parcel))))
                {
                    coveredByOne = true;
                    coveredByOneInWindow |= parts.Window is not null && parts.InWindow![j];
                }
            }

            var pieces = coveredByOne ? null : known.Pieces(approvals, parcel, parcelIndex);
            var all = pieces?.ConvertAll(p => p.Polygon) ?? LayerOverlay.PolygonParts(parcel);
            parts.All.AddRange(all);
            parts.Whole?.AddRange(all);
            if (parts.Window is not null)
            {
                parts.Window.AddRange(
                    coveredByOneInWindow ? LayerOverlay.PolygonParts(parcel)
                    : (pieces ?? LayerOverlay.Pieces(parcel, new RelatePreparedGeometry(parcel), approvals, i => parts.InWindow![i]))
                        .Where(p => parts.InWindow![p.FeatureIndex]).Select(p => p.Polygon));
            }

            return;
        }

        var cut = around(parcel.EnvelopeInternal);
        var inside = LayerOverlay.PolygonParts(OverlayNGRobust.Overlay(cut, parcel, SpatialFunction.Intersection));
        var edgePieces = PiecesOf(inside, parcel.Factory, approvals);
        parts.All.AddRange(edgePieces.Select(p => p.Polygon));
        parts.Window?.AddRange(edgePieces.Where(p => parts.InWindow![p.FeatureIndex]).Select(p => p.Polygon));
        if (parts.Whole is not null)
        {
            var insideWhole = ReferenceEquals(cut, parts.WholeArea) ? inside
                : LayerOverlay.PolygonParts(OverlayNGRobust.Overlay(parts.WholeArea!, parcel, SpatialFunction.Intersection));
            if (SameCoordinates(insideWhole, inside))
            {
                parts.Whole.AddRange(edgePieces.Select(p => p.Polygon));
            }
            else
            {
                parts.WholeDiffers = true;
                parts.Whole.AddRange(PiecesOf(insideWhole, parcel.Factory, approvals).Select(p => p.Polygon));
            }
        }
    }

    /// <summary>The pieces of a parcel's part inside an area (its polygons) cut by each approval.</summary>
    private static List<LayerOverlay.Piece> PiecesOf(List<Polygon> inside, GeometryFactory factory, ProjectedLayer approvals)
    {
        if (inside.Count == 0)
        {
            return [];
        }

        Geometry geometry = inside.Count == 1 ? inside[0] : factory.CreateMultiPolygon([.. inside]);
        return LayerOverlay.Pieces(geometry, new RelatePreparedGeometry(geometry), approvals);
    }

    /// <summary>Whether two lists hold polygons with the same coordinates in the same order (so every overlay of them is the same).</summary>
    private static bool SameCoordinates(List<Polygon> a, List<Polygon> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (!ReferenceEquals(a[i], b[i]) && !a[i].EqualsExact(b[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>An area's approved and supplied land of all batches, of the window's and of all batches cut by the whole area.</summary>
    private sealed record AreaFigures((double Approved, double Supplied) All, (double Approved, double Supplied)? Window, (double Approved, double Supplied)? WholeBoundary);

    /// <summary>A park's figures as <see cref="AreaFigures"/>: all batches, the window's, and as its only park's 旗区.</summary>
    private sealed record ParkMeasure(AreaSupply All, AreaSupply? Window, (double Approved, double Supplied)? WholeBoundary);

    /// <summary>The supplied parts an area's pass collects, per figure.</summary>
    private sealed class SuppliedParts(List<Polygon>? window, bool[]? inWindow, List<Polygon>? whole, Geometry? wholeArea)
    {
        /// <summary>Parts of all batches.</summary>
        public List<Polygon> All { get; } = [];

        /// <summary>Parts of the window's batches, when measured.</summary>
        public List<Polygon>? Window { get; } = window;

        /// <summary>Which approval features are the window's.</summary>
        public bool[]? InWindow { get; } = inWindow;

        /// <summary>Parts of all batches with parcels on the edge cut by the whole area, when measured.</summary>
        public List<Polygon>? Whole { get; } = whole;

        /// <summary>The whole area.</summary>
        public Geometry? WholeArea { get; } = wholeArea;

        /// <summary>Whether a part of <see cref="Whole"/> differs from the one in <see cref="All"/>.</summary>
        public bool WholeDiffers { get; set; }
    }

    /// <summary>
    /// The window: the last N complete calendar years up to the as-of date; 31 December closes its own year
    /// (docs/rules.md#supply-window: as-of 2025-12-31 → 2021–2025, as-of 2026-06-30 → 2021–2025).
    /// </summary>
    private SupplyWindow Window(DateOnly asOf, IReadOnlyList<BatchSupply> batches)
    {
        var lastYear = asOf.Month == 12 && asOf.Day == 31 ? asOf.Year : asOf.Year - 1;
        var from = new DateOnly(lastYear - _options.WindowYears + 1, 1, 1);
        var to = new DateOnly(lastYear, 12, 31);
        var inside = batches.Where(b => b.ApprovedOn is { } d && d >= from && d <= to).OrderBy(b => b.BatchId, StringComparer.Ordinal).ToList();
        return new SupplyWindow(from, to, inside.Count, inside.Sum(b => b.ApprovedM2), inside.Sum(b => b.SuppliedM2), _options.YardstickRate)
        {
            BatchIds = inside.Select(b => b.BatchId).ToList(),
        };
    }

    /// <summary>
    /// The window rate per 旗区 (docs/rules.md#supply-yardstick): Σsupplied / Σapproved over the window's batches of
    /// each 旗区, against the same yardstick; every 旗区 of a batch or a park, sorted by name (one without a batch in
    /// the window has no rate).
    /// </summary>
    private static IReadOnlyList<BannerSupplyWindow> BannerWindows(SupplyWindow window, IReadOnlyList<BatchSupply> batches, IEnumerable<string> parkBanners)
    {
        var inWindow = window.BatchIds.ToHashSet(StringComparer.Ordinal);
        var names = batches.Select(b => b.Banner).Concat(parkBanners).Where(b => b.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return names.Select(name =>
        {
            var inside = batches.Where(b => inWindow.Contains(b.BatchId) && string.Equals(b.Banner, name, StringComparison.Ordinal))
                .OrderBy(b => b.BatchId, StringComparer.Ordinal).ToList();
            return new BannerSupplyWindow(name, window with
            {
                Batches = inside.Count,
                ApprovedM2 = inside.Sum(b => b.ApprovedM2),
                SuppliedM2 = inside.Sum(b => b.SuppliedM2),
                BatchIds = inside.Select(b => b.BatchId).ToList(),
            });
        }).ToList();
    }

    /// <summary>
    /// The patches of the land-use survey that are existing construction land under the rules file's
    /// <c>supply.existing_construction</c> (docs/rules.md#supply-unapproved); null when the dataset has no land-use layer.
    /// </summary>
    private LayerProjections? ExistingConstructionLand(ParkAssessment assessment, List<DataIssue> issues)
    {
        if (assessment.Layer(LayerRole.LandUse) is null)
        {
            return null;
        }

        var screened = assessment.Screened(LayerRole.LandUse)!;
        issues.AddRange(screened.Issues);
        var patches = screened.Features
            .Where(f => _options.ExistingConstruction.Covers(SurveyField(f.Source, "CZCSXM"), SurveyField(f.Source, "DLBM"), SurveyField(f.Source, "QSXZ")))
            .ToList();
        return new LayerProjections(patches, screened.Layer.Crs);
    }

    /// <summary>A 三调 field by its standard name, whatever its case in the source (DLBM, dlbm).</summary>
    private static string? SurveyField(Feature feature, string name)
    {
        foreach (var (field, value) in feature.Attributes)
        {
            if (string.Equals(field, name, StringComparison.OrdinalIgnoreCase))
            {
                return AttributeText.Of(value);
            }
        }

        return null;
    }

    private (List<UnapprovedSupply> Parcels, double AreaM2, int Suppressed) FindUnapproved(
        LayerProjections supplied, List<DateOnly> suppliedOn, string[] parkOfParcel, LayerProjections approvals, LayerProjections? existing,
        ApprovalCovers known, CancellationToken cancellation)
    {
        var outside = new UnapprovedSupply?[supplied.Features.Count];
        Parallel.For(0, outside.Length, new ParallelOptions { CancellationToken = cancellation }, i =>
        {
            var crs = AnalysisCrs.For(supplied.SourceCrs, supplied.Features[i].Geometry);
            var here = supplied.In(crs);
            var parcel = here.Geometry(i);
            var prepared = new RelatePreparedGeometry(parcel);
            var approvalsHere = approvals.In(crs);
            foreach (var j in approvalsHere.Query(parcel.EnvelopeInternal))
            {
                // Most supplied parcels lie inside one batch: away from its edges one vertex tells, along them what the batches
                // and parks decided, else the parcel's own relate.
                if (approvalsHere.Envelope(j).Covers(parcel.EnvelopeInternal)
                    && (known.Covers(approvalsHere, j, parcel, i) ?? known.Record(crs.Epsg, j, i, ShellCover.Covers(approvalsHere.Geometry(j), parcel) ?? prepared.CoveredBy(approvalsHere.Geometry(j)))))
                {
                    return;
                }
            }

            var pieces = known.Pieces(approvalsHere, parcel, i, prepared);
            if (existing is not null)
            {
                pieces = [.. pieces, .. LayerOverlay.Pieces(parcel, prepared, existing.In(crs))];
            }

            if (pieces.Exists(p => ReferenceEquals(p.Polygon, parcel)))
            {
                return; // one batch (or one 存量 patch) covers the whole parcel
            }

            var inside = LayerOverlay.Union(pieces, parcel.Factory);
            var rest = inside.IsEmpty ? parcel : OverlayNGRobust.Overlay(parcel, inside, SpatialFunction.Difference);
            var polygons = LayerOverlay.PolygonParts(rest);
            if (polygons.Count > 0)
            {
                var geometry = polygons.Count == 1 ? (Geometry)polygons[0] : parcel.Factory.CreateMultiPolygon([.. polygons]);
                outside[i] = new UnapprovedSupply(supplied.Features[i].Id, parkOfParcel[i], suppliedOn[i], crs, geometry.Area, geometry);
            }
        });

        var found = outside.OfType<UnapprovedSupply>().ToList();
        var listed = found.Where(u => u.AreaM2 >= _options.MinAreaM2).OrderBy(u => u.ParcelId, StringComparer.Ordinal).ToList();
        return (listed, AreaOfUnion(found, supplied.SourceCrs), found.Count - listed.Count);
    }

    /// <summary>
    /// The area of the union of the pieces outside every batch (land under two supplied parcels counted once). Pieces
    /// all measured in one CRS are unioned there; otherwise pieces whose envelopes meet form clusters, and a cluster
    /// of several is measured in the zone of its centroid (<see cref="AnalysisCrs.ForShared"/>), a piece alone in its
    /// parcel's own CRS.
    /// </summary>
    private static double AreaOfUnion(List<UnapprovedSupply> found, CrsDefinition sourceCrs)
    {
        if (found.Count == 0)
        {
            return 0;
        }

        if (found.All(u => u.Crs.Epsg == found[0].Crs.Epsg))
        {
            // Pieces of different parcels overlap only where the parcels do: only those groups are unioned.
            var parts = found.SelectMany(u => LayerOverlay.PolygonParts(u.Geometry)).ToList();
            return LayerOverlay.AreaOfUnion(parts, found[0].Geometry.Factory);
        }

        var inSource = found.Select(u => CrsTransform.Create(u.Crs, sourceCrs).Apply(u.Geometry)).ToList();
        double total = 0;
        foreach (var cluster in EnvelopeClusters(inSource))
        {
            if (cluster.Count == 1)
            {
                total += found[cluster[0]].AreaM2;
                continue;
            }

            var crs = AnalysisCrs.ForShared(sourceCrs, sourceCrs, cluster.Select(i => inSource[i]).ToList());
            var projected = cluster.Select(i => CrsTransform.Create(found[i].Crs, crs).Apply(found[i].Geometry)).ToList();
            total += OverlayNGRobust.Union(projected, projected[0].Factory).Area;
        }

        return total;
    }

    /// <summary>
    /// Groups geometries whose envelopes meet, directly or through others; members in ascending index order. Geometries
    /// with one envelope (stacked copies of a parcel) join the first of them at once, and only distinct envelopes are
    /// queried, so N copies cost N, not N² pairs.
    /// </summary>
    private static List<List<int>> EnvelopeClusters(List<Geometry> geometries)
    {
        var parent = Enumerable.Range(0, geometries.Count).ToArray();
        int Root(int i)
        {
            while (parent[i] != i)
            {
                i = parent[i] = parent[parent[i]];
            }

            return i;
        }

        var index = new NetTopologySuite.Index.Strtree.STRtree<int>();
        var firstWith = new Dictionary<Envelope, int>();
        var distinct = new List<int>();
        for (var i = 0; i < geometries.Count; i++)
        {
            if (firstWith.TryGetValue(geometries[i].EnvelopeInternal, out var first))
            {
                parent[i] = first; // the first index with this envelope is the smaller: it stays the root
                continue;
            }

            firstWith[geometries[i].EnvelopeInternal] = i;
            distinct.Add(i);
            index.Insert(geometries[i].EnvelopeInternal, i);
        }

        foreach (var i in distinct)
        {
            foreach (var j in index.Query(geometries[i].EnvelopeInternal))
            {
                var (a, b) = (Root(i), Root(j));
                if (a != b)
                {
                    parent[Math.Max(a, b)] = Math.Min(a, b);
                }
            }
        }

        return Enumerable.Range(0, geometries.Count).GroupBy(Root).Select(g => g.ToList()).ToList();
    }
}
