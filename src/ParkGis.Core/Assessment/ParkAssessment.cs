using System.Collections.Concurrent;
using ParkGis.Core.Analysis;
using ParkGis.Core.Conflicts;
using ParkGis.Core.Data;
using ParkGis.Core.Errors;
using ParkGis.Core.Idle;
using ParkGis.Core.Industry;
using ParkGis.Core.Infrastructure;
using ParkGis.Core.Intensity;
using ParkGis.Core.Localization;
using ParkGis.Core.Parks;
using ParkGis.Core.Publishing;
using ParkGis.Core.Scorecard;
using ParkGis.Core.Supply;

namespace ParkGis.Core.Assessment;

/// <summary>
/// The assessment of one dataset (园区评估), built once per run: the layers as read, screened once under one repair
/// policy (every feature left out or repaired reported once), one parcel-to-park rule, one analysis-CRS rule, park
/// profiles, settings and the economics table taken once — and every analysis (conflicts, supply, idle land,
/// intensity, infrastructure, leading industry, the scorecard, the publication) computed from them on first
/// request, at most once per set of options, safely from any thread. Each command asks for the results it shows;
/// the scorecard and the publication are views over the same results the separate commands give.
/// </summary>
/// <remarks>No file, database, console or clock: adapters build the <see cref="AssessmentInputs"/>.</remarks>
public sealed class ParkAssessment
{
    private static readonly LayerRole[] Controls = [LayerRole.EcologicalRedline, LayerRole.PermanentFarmland, LayerRole.UrbanBoundary];

    private readonly AssessmentInputs _inputs;

    /// <summary>Cancelled with the caller's token, or when the caller's work failed while analyses ran in the background.</summary>
    private readonly CancellationTokenSource _abandoned;
    private readonly ConcurrentDictionary<object, Lazy<object?>> _once = new();
    private readonly ConcurrentDictionary<LayerRole, bool> _announced = new();

    /// <summary>Builds the assessment of <paramref name="inputs"/>.</summary>
    /// <param name="inputs">The dataset, its settings and its economics table.</param>
    /// <param name="options">The repair policy; null for the default (invalid geometry left out).</param>
    /// <param name="progress">Receives progress lines; may be null.</param>
    /// <param name="cancellation">Stops every analysis of the assessment.</param>
    /// <exception cref="UnusableInputException">A lon/lat layer reaches outside the CGCS2000 3° zones of China (PG0203).</exception>
    public ParkAssessment(AssessmentInputs inputs, AssessmentOptions? options = null, IProgress<string>? progress = null, CancellationToken cancellation = default)
    {
        _inputs = inputs ?? throw new ArgumentNullException(nameof(inputs));
        Options = options ?? AssessmentOptions.Default;
        Progress = progress;
        _abandoned = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        Cancellation = _abandoned.Token;
        foreach (var role in LayerRoles.All)
        {
            if (inputs.Dataset.Find(role) is { } layer)
            {
                AnalysisCrs.RequireZones(layer);
            }
        }
    }

    /// <summary>The assessment of a dataset without settings or economics table.</summary>
    public static ParkAssessment Of(Dataset dataset, AssessmentOptions? options = null, IProgress<string>? progress = null, CancellationToken cancellation = default) =>
        new(AssessmentInputs.Of(dataset), options, progress, cancellation);

    /// <summary>The dataset as read.</summary>
    public Dataset Dataset => _inputs.Dataset;

    /// <summary>How the user named the dataset (never with a password).</summary>
    public string Name => _inputs.Dataset.Name;

    /// <summary>The dataset's settings.</summary>
    public DatasetSettings Settings => _inputs.Settings;

    /// <summary>The repair policy.</summary>
    public AssessmentOptions Options { get; }

    /// <summary>Progress lines, or null.</summary>
    public IProgress<string>? Progress { get; }

    /// <summary>Cancels every analysis of the assessment: the caller's cancellation, or the assessment abandoned (<see cref="AnalysesInBackground.Abandon"/>).</summary>
    public CancellationToken Cancellation { get; }

    /// <summary>A layer as read, or null when the dataset has none with that role.</summary>
    public Layer? Layer(LayerRole role) => _inputs.Dataset.Find(role);

    /// <summary>The layer with <paramref name="role"/>, or PG0102 saying which analysis needs it.</summary>
    /// <exception cref="UnusableInputException">The dataset has no such layer.</exception>
    public Layer RequireLayer(LayerRole role, string neededFor) =>
        Layer(role) ?? throw new UnusableInputException(
            ErrorCodes.RequiredLayerMissing,
            Localized.Format("LayerMissingNeededFor", LayerRoles.Name(role), LayerRoles.Label(role), neededFor),
            Name,
            hint: _inputs.Dataset.MissingLayerHint(role));

    /// <summary>
    /// The layer with <paramref name="role"/> screened under the repair policy, once per run; null when the dataset
    /// has no such layer. Control layers (red line, farmland, urban boundary) keep only the features within reach of a
    /// park or parcel (<see cref="ConflictCheck.KeepWithinReach"/>): the others cannot change any figure.
    /// </summary>
    public ScreenedLayer? Screened(LayerRole role)
    {
        Announce(role);
        return ScreenedOnce(role);
    }

    /// <summary>
    /// Screens several layers at once, in parallel (a few large polygons alone would leave cores idle). Their progress
    /// lines come in the order of <paramref name="roles"/> in every run, whichever layer is ready first: a line waits for
    /// those before it, the work does not.
    /// </summary>
    public void Screen(params LayerRole[] roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var ready = new bool[roles.Length];
        var next = 0;
        var gate = new Lock();
        ParallelFailures.RethrowFirst(() => Parallel.For(0, roles.Length, new ParallelOptions { CancellationToken = Cancellation }, k =>
        {
            ToScreen(roles[k]);
            lock (gate)
            {
                ready[k] = true;
                for (; next < roles.Length && ready[next]; next++)
                {
                    Announce(roles[next]);
                }
            }

            ScreenedOnce(roles[k]);
        }));
    }

    /// <summary>A utility network (lines and valid polygons) screened once, or null when the dataset has none.</summary>
    public ScreenedNetwork? Network(LayerRole role) =>
        Once(("network", role), () =>
        {
            if (Layer(role) is not { } layer)
            {
                return null;
            }

            var issues = new List<DataIssue>();
            return new ScreenedNetwork(layer, NetworkScreening.Screen(layer, issues), issues);
        });

    /// <summary>Each park's profile: the parks layer's own fields with the settings' parks laid over them.</summary>
    public IReadOnlyDictionary<string, ParkProfile> ParkProfiles => Once("profiles", () =>
    {
        var fromLayer = Layer(LayerRole.Parks) is { } parks ? ParkGis.Core.Parks.ParkProfiles.FromLayer(parks) : new Dictionary<string, ParkProfile>(StringComparer.Ordinal);
        return ParkGis.Core.Parks.ParkProfiles.Merge(fromLayer, Settings.Parks);
    })!;

    /// <summary>The park of every screened parcel (the one parcel-to-park rule, <see cref="ParcelParks"/>).</summary>
    /// <exception cref="UnusableInputException">The dataset has no parcels layer.</exception>
    public ParcelParks ParcelParks => Once("parcel parks", () =>
    {
        RequireLayer(LayerRole.Parcels, Localized.Get("ProgressPlacingParcels"));
        var parcels = Screened(LayerRole.Parcels)!;
        var parks = Screened(LayerRole.Parks);
        Progress?.Report(Localized.Get("ProgressPlacingParcels"));
        return Parks.ParcelParks.Assign(parcels, parks, Cancellation);
    })!;

    /// <summary>The 旗区 of every park (the one park-to-旗区 rule, <see cref="Parks.ParkBanners"/>).</summary>
    public ParkBanners ParkBanners => Once("park banners", () =>
    {
        if (Layer(LayerRole.Banners) is not null)
        {
            Screen(LayerRole.Parks, LayerRole.Banners);
        }

        return Parks.ParkBanners.Assign(Layer(LayerRole.Parks), Screened(LayerRole.Parks), Screened(LayerRole.Banners), Cancellation);
    })!;

    /// <summary>The economics table, read on first use; null when the dataset has none.</summary>
    public EconomicsTable? Economics => Once("economics", () => _inputs.ReadEconomics?.Invoke());

    /// <summary>The year an analysis evaluates when none is asked for: the latest year of the economics table, or null.</summary>
    public int? YearOrLatest(int? year) => year ?? Economics?.LatestYear;

    /// <summary>The as-of date a year implies when none is given: 31 December of it.</summary>
    public static DateOnly? AsOfOrYearEnd(DateOnly? asOf, int? year) => asOf ?? (year is { } y && y is >= 1 and <= 9999 ? new DateOnly(y, 12, 31) : null);

    /// <summary>The economics rows of <paramref name="year"/> attached to the screened parcels (<see cref="ParcelEconomics"/>); null without a table.</summary>
    public ParcelEconomics? EconomicsIn(int year) => Once(("economics in", year), () =>
    {
        if (Economics is not { } table)
        {
            return null;
        }

        var parcels = Screened(LayerRole.Parcels);
        var list = new List<ParcelEconomics.Parcel>();
        for (var i = 0; i < (parcels?.Count ?? 0); i++)
        {
            list.Add(new ParcelEconomics.Parcel(parcels!.Features[i].Id, parcels.Text(i, "enterprise"), parcels.AreaM2(i)));
        }

        return ParcelEconomics.Attach(table, year, list);
    });

    /// <summary>The conflict check (三区三线) with the given minimum patch area.</summary>
    public ConflictCheckResult Conflicts(double minAreaM2 = 1.0) => Conflicts(minAreaM2, null);

    /// <summary>
    /// The conflict check (三区三线) with the given minimum patch area, telling <paramref name="parksChecked"/> the parks'
    /// results as soon as they are known (<see cref="ConflictCheck.ParksChecked"/>; at once when the check had already run).
    /// </summary>
    public ConflictCheckResult Conflicts(double minAreaM2, Action<IReadOnlyList<ParkConflicts>>? parksChecked)
    {
        var told = false;
        var result = Once(("conflicts", minAreaM2), () =>
        {
            var check = new ConflictCheck(new ConflictCheckOptions(minAreaM2, Options.RepairInvalidGeometry), Progress)
            {
                ParksChecked = parksChecked is null ? null : parks =>
                {
                    told = true;
                    parksChecked(parks);
                },
            };
            return WithBanners(check.Check(this));
        })!;
        if (parksChecked is not null && !told)
        {
            parksChecked(result.Parks);
        }

        return result;
    }

    /// <summary>
    /// A conflict check with its 旗区 totals (<see cref="BannerConflicts"/>) and the park-to-旗区 rule's data issues added,
    /// by this assessment's <see cref="ParkBanners"/>: for the local check and for one run in the database alike.
    /// </summary>
    /// <param name="result">A conflict check of this assessment's parks.</param>
    public ConflictCheckResult WithBanners(ConflictCheckResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var banners = ParkBanners;
        if (banners.Issues.Count == 0)
        {
            return result with { Banners = BannerConflicts.Of(result, banners) };
        }

        var issues = result.Issues.Concat(banners.Issues).Distinct().ToList();
        issues.Sort(DataIssueOrder.Compare);
        return result with { Banners = BannerConflicts.Of(result, banners), Issues = issues };
    }

    /// <summary>The land-supply ledger (批供台账) on <paramref name="asOf"/>.</summary>
    public SupplyLedgerResult Supply(DateOnly asOf, SupplyLedgerOptions? options = null)
    {
        var used = options ?? Options.RulesUsed.Supply;
        return Once(("supply", asOf, used), () => new SupplyLedger(used, Progress).Compute(this, asOf))!;
    }

    /// <summary>The idle-land survey (闲置土地) on <paramref name="asOf"/> under the run's idle rules (or <paramref name="rules"/>).</summary>
    public IdleLandResult Idle(DateOnly asOf, IdleRules? rules = null)
    {
        var used = rules ?? Options.RulesUsed.Idle;
        return Once(("idle", asOf, used), () => new IdleLandSurvey(Progress, used).Survey(this, asOf))!;
    }

    /// <summary>
    /// The supply ledger and the idle-land survey on <paramref name="asOf"/>, as far as the dataset allows, for the
    /// analyses that use land status (intensity, scorecard); what is missing is said instead of failing.
    /// </summary>
    public LandStatusResults LandStatus(DateOnly? asOf)
    {
        if (asOf is not { } date)
        {
            return new LandStatusResults(null, null, null, Localized.Get("MissingAsOfDate"));
        }

        if (Layer(LayerRole.Parcels) is null)
        {
            return new LandStatusResults(date, null, null, Localized.Get("MissingParcelsLayer"));
        }

        var idle = Idle(date);
        return Layer(LayerRole.Approvals) is null
            ? new LandStatusResults(date, null, idle, Localized.Get("MissingApprovalsLayer"))
            : new LandStatusResults(date, Supply(date), idle, null);
    }

    /// <summary>
    /// Land-use efficiency (亩均效益, 集约利用) for <paramref name="options"/>'s year (default: the latest economics
    /// year), with the land status of <paramref name="asOf"/> (default: 31 December of that year).
    /// </summary>
    public IntensityResult Intensity(IntensityOptions? options = null, DateOnly? asOf = null)
    {
        // The year resolved before the result is looked up: "the latest year" and that year asked for by number are one
        // result (the report's figures and its scorecard ask both ways), computed once.
        var asked = options ?? IntensityOptions.Default;
        var used = asked with { Year = YearOrLatest(asked.Year) };
        var date = AsOfOrYearEnd(asOf, used.Year);
        return Once(("intensity", used, date), () =>
        {
            // The idle survey and each park's 批而未供 only (the whole ledger when it has run already).
            LandStatusInput? status = null;
            if (date is { } day && Layer(LayerRole.Parcels) is not null)
            {
                var idle = Idle(day);
                status = LandStatusFromSupply.From(Layer(LayerRole.Approvals) is null ? null : ParkSupply(day), idle);
            }

            return new IntensityAnalysis(used, Progress).Analyze(this, status) with { AsOf = status is null ? null : date };
        })!;
    }

    /// <summary>
    /// Each park's approved and supplied land on <paramref name="asOf"/> (批而未供 per park): the supply ledger's
    /// <see cref="SupplyLedgerResult.Parks"/> when the ledger has run for that date, else measured alone
    /// (<see cref="SupplyLedger.ParkFigures"/>, the same measure).
    /// </summary>
    public IReadOnlyList<AreaSupply> ParkSupply(DateOnly asOf)
    {
        var used = Options.RulesUsed.Supply;
        return _once.TryGetValue(("supply", asOf, used), out var ledger)
            ? ((SupplyLedgerResult)ledger.Value!).Parks
            : Once(("park supply", asOf, used), () => new SupplyLedger(used, Progress).ParkFigures(this, asOf))!;
    }

    /// <summary>九通一平 coverage.</summary>
    public InfrastructureResult Infrastructure(InfrastructureOptions? options = null)
    {
        var used = options ?? InfrastructureOptions.Default;
        return Once(("infrastructure", used), () => new InfrastructureCheck(used, Progress).Check(this))!;
    }

    /// <summary>The leading-industry share (主导产业产值占比); the year defaults to the latest economics year.</summary>
    public LeadingIndustryResult LeadingIndustry(LeadingIndustryOptions? options = null)
    {
        var used = options ?? LeadingIndustryOptions.Default;
        return Once(("leading industry", used), () => new LeadingIndustryAnalysis(used, Progress).Analyze(this))!;
    }

    /// <summary>The annual scorecard (园区年度考核): a view over the results the separate commands give.</summary>
    public AnnualScorecard Scorecard(ScorecardRules rules, int? year = null, DateOnly? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return Once(("scorecard", rules, year, asOf), () => AnnualScorecard.Of(this, rules, year, asOf))!;
    }

    /// <summary>What export and the report publish: the result layers and tables of the analyses the data allows.</summary>
    public PublishedResults Publication(DateOnly? asOf = null) => Once(("publication", asOf), () => AssessmentPublication.Of(this, asOf))!;

    /// <summary>
    /// Starts <paramref name="analyses"/> of this assessment on threads of their own and returns at once. Each result is
    /// cached as if it had been asked for now, so the later request for it waits for it, or throws its error, at the
    /// place where it is asked for: errors and their order are those of computing in sequence. An analysis that keeps
    /// few cores busy (九通一平 coverage) then overlaps the others. Start only analyses the caller asks for later; disposing
    /// the returned handle waits for them.
    /// </summary>
    /// <param name="analyses">Requests of results of this assessment, such as <c>a =&gt; a.Infrastructure()</c>.</param>
    public AnalysesInBackground Begin(params Action<ParkAssessment>[] analyses)
    {
        ArgumentNullException.ThrowIfNull(analyses);
        return new AnalysesInBackground(_abandoned.Cancel, [.. analyses.Select(analysis =>
        {
            ProjectedLayer.BackgroundAnalysisStarting(); // counted before this returns: the caller's next layer sees it
            return Task.Factory.StartNew(
                () =>
                {
                    try
                    {
                        analysis(this);
                    }
                    finally
                    {
                        ProjectedLayer.BackgroundAnalysisEnded();
                    }
                },
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default);
        })]);
    }

    private ScreenedLayer? ScreenedOnce(LayerRole role) => Once(("screened", role), () => ToScreen(role).Layer is { } layer ? Screen(layer) : null);

    /// <summary>Reports the progress line of screening <paramref name="role"/>, once per run.</summary>
    private void Announce(LayerRole role)
    {
        if (_announced.TryAdd(role, true) && ToScreen(role).ProgressLine is { } line)
        {
            Progress?.Report(line);
        }
    }

    /// <summary>
    /// The layer <see cref="Screened"/> screens for <paramref name="role"/> (a control layer within reach) and its
    /// progress line; a null layer without such a layer.
    /// </summary>
    private (Layer? Layer, string? ProgressLine) ToScreen(LayerRole role) => Once(("to screen", role), () =>
    {
        Cancellation.ThrowIfCancellationRequested();
        if (Layer(role) is not { } layer)
        {
            return ((Layer?)null, (string?)null);
        }

        if (Controls.Contains(role) && layer.FeaturesOutOfReach is null)
        {
            layer = WithinReach.Find(role)!;
        }

        var outOfReach = layer.FeaturesOutOfReach ?? 0;
        return (layer, outOfReach == 0
            ? Localized.Format("ProgressScreeningAll", LayerRoles.Name(role), layer.Features.Count)
            : Localized.Format("ProgressScreening", LayerRoles.Name(role), layer.Features.Count, outOfReach));
    });

    /// <summary>
    /// A layer, or a part of one (a chunk of the parcels, <see cref="ParcelChunks"/>), screened under the repair policy
    /// by the same rule as <see cref="Screened"/>, without a progress line and without keeping it.
    /// </summary>
    public ScreenedLayer ScreenPart(Layer part)
    {
        ArgumentNullException.ThrowIfNull(part);
        Cancellation.ThrowIfCancellationRequested();
        return Screen(part);
    }

    /// <summary>The parcels in chunks of file order for the conflict check: the adapter's (<see cref="AssessmentInputs.ParcelChunks"/>), else the layer as read, whole; null without a parcels layer.</summary>
    public ParcelChunks? ParcelChunks => _inputs.ParcelChunks ?? Once("parcel chunks", () => Layer(LayerRole.Parcels) is { } parcels ? Data.ParcelChunks.Whole(parcels) : null);

    private ScreenedLayer Screen(Layer layer)
    {
        var role = layer.Role;
        var outOfReach = layer.FeaturesOutOfReach ?? 0;
        var issues = new List<DataIssue>();
        if (layer.Features.Count == 0 && outOfReach == 0)
        {
            issues.Add(new DataIssue(LayerRoles.Name(role), string.Empty, DataIssueCodes.EmptyLayer, Localized.Format("LayerHasNoFeatures", layer.Source)));
        }

        // Parks follow the one rule for parks that cannot be analysed (park_not_analysed; none left is PG0112).
        var kept = role == LayerRole.Parks
            ? ParkScreening.Screen(layer, Options.RepairInvalidGeometry, issues, Cancellation)
            : FeatureScreening.Screen(layer, Options.RepairInvalidGeometry, issues, Cancellation);
        return new ScreenedLayer(layer, InIdOrder(kept), issues);
    }

    /// <summary>The dataset with its control layers kept within reach of the parks and parcels (computed once).</summary>
    private Dataset WithinReach => Once("within reach", () => ConflictCheck.KeepWithinReach(Dataset))!;

    /// <summary>The features sorted by id (ordinal); the list itself when it is sorted already (the usual case).</summary>
    private static IReadOnlyList<PolygonalFeature> InIdOrder(IReadOnlyList<PolygonalFeature> features)
    {
        for (var i = 1; i < features.Count; i++)
        {
            if (string.CompareOrdinal(features[i - 1].Id, features[i].Id) > 0)
            {
                return features.OrderBy(f => f.Id, StringComparer.Ordinal).ToList();
            }
        }

        return features;
    }

    private T Once<T>(object key, Func<T> compute)
    {
        var lazy = _once.GetOrAdd(key, _ => new Lazy<object?>(() => compute(), LazyThreadSafetyMode.ExecutionAndPublication));
        return (T)lazy.Value!;
    }
}
