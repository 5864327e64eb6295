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
        string BatchOf(PolygonalFeature f) => BatchIdOf(approvalsLayer, f);
        var approvalFeatures = InBatchOrder(approvalsLayer, approvalsScreened);
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
        Parallel.For(0, groups.Count, parallel, g => batches[g] = MeasureBatch(groups[g].Key, groups[g].ToList(), approvalsLayer, approvals, supplied, banners));
        foreach (var group in groups)
        {
            CheckBatchAttributes(group.Key, group.Select(i => approvalFeatures[i].Source).ToList(), approvalsLayer, issues);
        }

        var window = Window(asOf, batches);
        var windowBatchIds = window.BatchIds.ToHashSet(StringComparer.Ordinal);
        var windowApprovals = new LayerProjections(approvalFeatures.Where(f => windowBatchIds.Contains(BatchOf(f))).ToList(), approvalsLayer.Crs);
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
                .ToList();
            var parkArray = new AreaSupply[parkCount];
            var parkWindowArray = new AreaSupply[parkCount];
            var bannerArray = new AreaSupply[bannerGroups.Count];
            // Every park with all batches, every park with the window's, every 旗区: one loop, so that a large park or
            // 旗区 does not leave the other cores waiting at the end of a pass of its own.
            Parallel.For(0, bannerArray.Length + (2 * parkCount), parallel, k =>
            {
                if (k < bannerArray.Length)
                {
                    bannerArray[k] = MeasureBanner(bannerGroups[k].Key, [.. bannerGroups[k]], parks, approvals, supplied);
                }
                else if (k - bannerArray.Length < parkCount)
                {
                    parkArray[k - bannerArray.Length] = MeasurePark(parksScreened!, k - bannerArray.Length, banners, approvals, supplied);
                }
                else
                {
                    parkWindowArray[k - bannerArray.Length - parkCount] = MeasurePark(parksScreened!, k - bannerArray.Length - parkCount, banners, windowApprovals, supplied);
                }
            });
            parkResults.AddRange(parkArray);
            parkWindowResults.AddRange(parkWindowArray);
            bannerResults.AddRange(bannerArray);
        }

        _progress?.Report(Localized.Get("ProgressUnapprovedSupply"));
        var parkOfParcel = suppliedIndexes.Select(i => parksScreened is null ? string.Empty : assessment.ParcelParks.ParkIdOf(i)).ToArray();
        var existing = ExistingConstructionLand(assessment, issues);
        var (unapproved, unapprovedArea, suppressed) = FindUnapproved(supplied, suppliedOn, parkOfParcel, approvals, existing, cancellation);

        issues.Sort(DataIssueOrder.Compare);
        return new SupplyLedgerResult(asOf, _options, batches.OrderBy(b => b.BatchId, StringComparer.Ordinal).ToList(), parkResults, bannerResults,
            window, unapproved, unapprovedArea, suppressed, issues.Distinct().ToList())
        {
            ParksInWindow = parkWindowResults,
            BannersInWindow = BannerWindows(window, batches, parkResults.Select(p => p.Banner)),
            ExistingConstructionChecked = existing is not null,
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

        var approvals = new LayerProjections(InBatchOrder(approvalsLayer, assessment.Screened(LayerRole.Approvals)!), approvalsLayer.Crs);
        var (suppliedFeatures, _, _) = SuppliedBy(asOf, assessment.Screened(LayerRole.Parcels)!, []);
        var supplied = new LayerProjections(suppliedFeatures, assessment.Screened(LayerRole.Parcels)!.Layer.Crs);
        _progress?.Report(Localized.Format("ProgressMeasuringParks", parks.Count));
        return MeasureParks(parks, assessment.ParkBanners, approvals, supplied, new ParallelOptions { CancellationToken = assessment.Cancellation });
    }

    private static string BatchIdOf(Layer approvalsLayer, PolygonalFeature feature) => approvalsLayer.Text(feature.Source, BatchIdField) ?? feature.Id;

    /// <summary>The approval features by batch id, then by position and size (a fixed order, whatever the file's).</summary>
    private static List<PolygonalFeature> InBatchOrder(Layer approvalsLayer, ScreenedLayer approvals) =>
        approvals.Features
            .OrderBy(f => BatchIdOf(approvalsLayer, f), StringComparer.Ordinal).ThenBy(f => f.Geometry.EnvelopeInternal.MinX).ThenBy(f => f.Geometry.EnvelopeInternal.MinY)
            .ThenBy(f => f.Geometry.Area).ThenBy(f => f.Geometry.NumPoints).ToList();

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
        Parallel.For(0, results.Length, parallel, i => results[i] = MeasurePark(parks, i, banners, approvals, supplied));
        return results;
    }

    /// <summary>One park's approved land (of <paramref name="approvals"/>) and the supplied part of it.</summary>
    private static AreaSupply MeasurePark(ScreenedLayer parks, int index, ParkBanners banners, LayerProjections approvals, LayerProjections supplied)
    {
        var feature = parks.Features[index];
        var crs = parks.AnalysisCrsOf(index);
        var projected = parks.Projections.In(crs);
        var (approved, suppliedM2) = MeasureArea(projected.Geometry(index), envelope => projected.Around(index, envelope), crs, approvals, supplied);
        return new AreaSupply(feature.Id, parks.Layer.Text(feature.Source, "name") ?? string.Empty, banners.Of(feature.Id), crs, approved, suppliedM2);
    }

    /// <summary>A 旗区's approved land (the union of its parks) and the supplied part of it.</summary>
    private static AreaSupply MeasureBanner(string banner, IReadOnlyList<int> members, LayerProjections parks, LayerProjections approvals, LayerProjections supplied)
    {
        var factory = parks.Features[members[0]].Geometry.Factory;
        var crs = AnalysisCrs.For(parks.SourceCrs, factory.BuildGeometry(members.Select(i => parks.Features[i].Geometry).ToList()));
        var projected = parks.In(crs);
        var area = members.Count == 1 ? projected.Geometry(members[0]) : OverlayNGRobust.Union(members.Select(projected.Geometry).ToList(), factory);
        var (approved, suppliedM2) = MeasureArea(area, _ => area, crs, approvals, supplied);
        return new AreaSupply(banner, banner, banner, crs, approved, suppliedM2);
    }

    /// <summary>The supply date; an unreadable one is not a supply (the reading's issue says so, worded as idle words it).</summary>
    private static DateOnly? SuppliedOn(Layer layer, Feature feature, List<DataIssue> issues) =>
        ParcelLifecycleReader.ReadDate(layer, feature, ParcelFields.SuppliedOn, issues, out _);

    private static BatchSupply MeasureBatch(string batchId, List<int> members, Layer layer, LayerProjections approvals, LayerProjections supplied, ParkBanners banners)
    {
        var factory = approvals.Features[members[0]].Geometry.Factory;
        var sourceGeometry = members.Count == 1 ? approvals.Features[members[0]].Geometry : factory.BuildGeometry(members.Select(i => approvals.Features[i].Geometry).ToList());
        var crs = AnalysisCrs.For(approvals.SourceCrs, sourceGeometry);
        var projected = approvals.In(crs);
        var batch = members.Count == 1 ? projected.Geometry(members[0]) : OverlayNGRobust.Union(members.Select(projected.Geometry).ToList(), factory);
        var pieces = LayerOverlay.Pieces(batch, new RelatePreparedGeometry(batch), supplied.In(crs));
        // 批而未供 = batch − ∪pieces in one overlay, without building the union (only its area is needed).
        var (unsupplied, suppliedArea) = LayerOverlay.Remainder(batch, pieces.ConvertAll(p => p.Polygon));

        var first = approvals.Features[members[0]].Source;
        DateOnly? approvedOn = null;
        foreach (var i in members)
        {
            if (LenientDateParser.TryParse(layer.Value(approvals.Features[i].Source, ApprovedOnField), out var date) && !LenientDateParser.IsPlaceholder(date))
            {
                approvedOn = date;
                break;
            }
        }

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
    private static (double Approved, double Supplied) MeasureArea(
        Geometry area, Func<Envelope, Geometry> around, CrsDefinition crs, LayerProjections approvals, LayerProjections supplied)
    {
        // A park's approved land shares its edges with the parcels and approvals traced on one grid: RelateNG decides
        // those features' Covers from a kept index (PreparedPolygon relates the whole area again for each).
        var preparedArea = new RelatePreparedGeometry(area);
        var approvalsHere = approvals.In(crs);
        var approvedPieces = LayerOverlay.Pieces(area, preparedArea, approvalsHere);
        if (approvedPieces.Count == 0)
        {
            return (0, 0);
        }

        // Only areas are needed: pieces that share no interior add their areas, and only those that overlap
        // (approvals or parcels lying on one another) are unioned.
        var approved = LayerOverlay.AreaOfUnion(approvedPieces.ConvertAll(p => p.Polygon), area.Factory);
        var suppliedHere = supplied.In(crs);
        var suppliedPieces = new List<Polygon>();
        var boundary = new FeatureBoundary(area);
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
                suppliedPieces.AddRange(ApprovedPart(parcel, location == Location.Interior, around, preparedArea, approvalsHere, Approval));
            }
        }

        var suppliedArea = LayerOverlay.AreaOfUnion(suppliedPieces, area.Factory);
        return (approved, Math.Min(approved, suppliedArea));
    }

    /// <summary>
    /// The polygons of parcel ∩ area ∩ ∪approvals: the parcel itself when the area covers it and one approval
    /// feature does (most supplied parcels, decided from the parcel's own relate), else the pieces of its part inside
    /// the area cut by each approval.
    /// </summary>
    /// <param name="parcel">A supplied parcel.</param>
    /// <param name="insideArea">Whether the parcel is known to lie inside the area (else the area's relate decides).</param>
    /// <param name="around">The park or 旗区, or a window of it around an envelope.</param>
    /// <param name="preparedArea">The park or 旗区, prepared.</param>
    /// <param name="approvals">The approval features.</param>
    /// <param name="preparedApproval">Approval feature <c>i</c>, prepared.</param>
    private static IEnumerable<Polygon> ApprovedPart(
        Geometry parcel, bool insideArea, Func<Envelope, Geometry> around, RelatePreparedGeometry preparedArea, ProjectedLayer approvals, Func<int, RelatePreparedGeometry> preparedApproval)
    {
        if (!insideArea && !preparedArea.InteriorsIntersect(parcel))
        {
            return [];
        }

        Geometry inside;
        RelatePreparedGeometry preparedInside;
        if (insideArea || preparedArea.Covers(parcel))
        {
            foreach (var j in approvals.Query(parcel.EnvelopeInternal))
            {
                if (approvals.Envelope(j).Covers(parcel.EnvelopeInternal) && preparedApproval(j).Covers(parcel))
                {
                    return LayerOverlay.PolygonParts(parcel);
                }
            }

            inside = parcel;
            preparedInside = new RelatePreparedGeometry(parcel);
        }
        else
        {
            var parts = LayerOverlay.PolygonParts(OverlayNGRobust.Overlay(around(parcel.EnvelopeInternal), parcel, SpatialFunction.Intersection));
            if (parts.Count == 0)
            {
                return [];
            }

            inside = parts.Count == 1 ? parts[0] : parcel.Factory.CreateMultiPolygon([.. parts]);
            preparedInside = new RelatePreparedGeometry(inside);
        }

        return LayerOverlay.Pieces(inside, preparedInside, approvals).Select(p => p.Polygon);
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
        CancellationToken cancellation)
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
                // Most supplied parcels lie inside one batch, along its edges: decided from the parcel's own relate.
                if (approvalsHere.Envelope(j).Covers(parcel.EnvelopeInternal) && prepared.CoveredBy(approvalsHere.Geometry(j)))
                {
                    return;
                }
            }

            var pieces = LayerOverlay.Pieces(parcel, prepared, approvalsHere);
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
