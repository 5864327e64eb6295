using System.Globalization;
using ParkGis.Core.Assessment;
using ParkGis.Core.Data;
using ParkGis.Core.Errors;
using ParkGis.Core.Intensity;
using ParkGis.Core.Localization;
using ParkGis.Core.Parks;

namespace ParkGis.Core.Industry;

/// <summary>
/// The leading-industry share (主导产业产值占比): per park and per block, the output of each industry (parcel
/// <c>industry</c>, output from the economics table for one year), the share of the park's leading industries,
/// pass/fail against the minimum (80% by default; equality passes) and the industries pulling the share down.
/// Without economics data for a park the share is not computable — never 0. The denominator is the park's industrial
/// output by default: output on 物流仓储 land is left out unless its industry is itself leading.
/// </summary>
public sealed class LeadingIndustryAnalysis
{
    /// <summary>The label of output from parcels with no industry.</summary>
    public const string UnspecifiedIndustry = "未注明";

    private readonly LeadingIndustryOptions _options;
    private readonly IProgress<string>? _progress;

    /// <summary>Creates an analysis with the given options.</summary>
    public LeadingIndustryAnalysis(LeadingIndustryOptions options, IProgress<string>? progress = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _progress = progress;
    }

    /// <summary>Runs the analysis on a dataset as read (invalid geometry left out).</summary>
    /// <param name="dataset">The dataset (parks and parcels).</param>
    /// <param name="profiles">Leading industries per park id (laid over the parks layer's own).</param>
    /// <param name="economics">The economics table, or null when the dataset has none.</param>
    /// <exception cref="UnusableInputException">The dataset has no parks layer.</exception>
    public LeadingIndustryResult Analyze(Dataset dataset, IReadOnlyDictionary<string, ParkProfile> profiles, EconomicsTable? economics)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(profiles);
        return Analyze(new ParkAssessment(new AssessmentInputs(dataset, new DatasetSettings(profiles, null), () => economics), progress: _progress));
    }

    /// <summary>
    /// Runs the analysis on an assessment: its screened parks and parcels (a parcel left out for its geometry counts
    /// nowhere), the parcel-to-park rule with blocks, the park profiles and the economics rows attached to parcels.
    /// </summary>
    /// <exception cref="UnusableInputException">The dataset has no parks layer.</exception>
    public LeadingIndustryResult Analyze(ParkAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        assessment.RequireLayer(LayerRole.Parks, Localized.Get("NeededForLeadingIndustry"));
        _progress?.Report(Localized.Get("ProgressLeadingIndustry"));
        var issues = new List<DataIssue>();
        assessment.Screen(LayerRole.Parks, LayerRole.Parcels);
        var parks = assessment.Screened(LayerRole.Parks)!;
        var economics = assessment.Economics;
        var year = _options.Year ?? economics?.LatestYear;

        // park index → (parcel id, block (0 = none), industry) of the screened parcels placed in it
        var parcelPlaces = new List<(int Park, string ParcelId, int Block, string Industry, LandUseCategory Category)>();
        var parcels = assessment.Screened(LayerRole.Parcels);
        if (parcels is not null)
        {
            var placements = assessment.ParcelParks;
            var codes = Enumerable.Range(0, parcels.Count).Select(i => parcels.Text(i, "land_use")).ToList();
            var codeList = assessment.Settings.CodeList ?? LandUseCodes.Detect(codes) switch
            {
                (LandUseCodeList list, _) => list,
                (null, false) => LandUseCodeList.SpatialPlanning,
                _ => (LandUseCodeList?)null,
            };
            for (var i = 0; i < parcels.Count; i++)
            {
                if (placements.Of(i) is { } placement)
                {
                    var category = codeList is { } known ? LandUseCodes.Categorize(codes[i], known) : LandUseCategory.Unknown;
                    parcelPlaces.Add((placement.ParkIndex, parcels.Features[i].Id, placement.Block, parcels.Text(i, "industry") ?? UnspecifiedIndustry, category));
                }
            }
        }

        var outputs = new Dictionary<string, double>(StringComparer.Ordinal);
        if (economics is not null && year is { } y && assessment.EconomicsIn(y) is { } attached)
        {
            issues.AddRange(economics.Issues);
            issues.AddRange(attached.Issues);
            foreach (var (parcelId, record) in attached.ByParcel)
            {
                if (record.OutputWan is { } output)
                {
                    outputs[parcelId] = output;
                }
            }
        }

        var noEconomics = economics is null || economics.Rows.Count == 0;
        var byPark = parcelPlaces.ToLookup(p => p.Park);
        var result = new List<ParkLeadingIndustry>();
        for (var j = 0; j < parks.Count; j++)
        {
            var feature = parks.Features[j];
            var profile = assessment.ParkProfiles.TryGetValue(feature.Id, out var p) ? p : ParkProfile.Empty(feature.Id);
            var mine = byPark[j].Select(m => (m.ParcelId, m.Block, m.Industry, m.Category)).ToList();
            var whole = Share(null, profile.LeadingIndustries, mine, outputs, year, noEconomics, parcels is null);
            var blocks = new List<LeadingIndustryShare>();
            var blockCount = feature.Geometry.NumGeometries;
            if (blockCount > 1)
            {
                for (var b = 1; b <= blockCount; b++)
                {
                    blocks.Add(Share(b, profile.LeadingIndustriesOf(b), mine.Where(m => m.Block == b).ToList(), outputs, year, noEconomics, parcels is null));
                }
            }

            result.Add(new ParkLeadingIndustry(feature.Id, parks.Text(j, "name") ?? string.Empty, whole, blocks));
        }

        return new LeadingIndustryResult(year, _options.MinShare, result.OrderBy(r => r.ParkId, StringComparer.Ordinal).ToList(), issues.Distinct().ToList());
    }

    // docs/rules.md#leading-share-basis
    private bool InDenominator(LandUseCategory category, string industry, HashSet<string> leading) =>
        _options.Basis == LeadingShareBasis.AllOutput
        || leading.Contains(industry)
        || !(category == LandUseCategory.Logistics || (_options.ExcludeUtilities && category == LandUseCategory.Utility));

    private LeadingIndustryShare Share(
        int? block, IReadOnlyList<string> leading, List<(string ParcelId, int Block, string Industry, LandUseCategory Category)> parcels, Dictionary<string, double> outputs,
        int? year, bool noEconomics, bool noParcels)
    {
        var byIndustry = new Dictionary<string, double>(StringComparer.Ordinal);
        var leadingSet = new HashSet<string>(leading, StringComparer.Ordinal);
        var rows = 0;
        var excluded = 0.0;
        foreach (var parcel in parcels)
        {
            if (outputs.TryGetValue(parcel.ParcelId, out var output))
            {
                rows++;
                if (!InDenominator(parcel.Category, parcel.Industry, leadingSet))
                {
                    excluded += output;
                    continue;
                }

                byIndustry[parcel.Industry] = byIndustry.GetValueOrDefault(parcel.Industry) + output;
            }
        }

        var list = byIndustry.Select(kv => new IndustryOutput(kv.Key, kv.Value, leadingSet.Contains(kv.Key)))
            .OrderByDescending(o => o.OutputWan).ThenBy(o => o.Industry, StringComparer.Ordinal).ToList();
        var total = list.Sum(o => o.OutputWan);
        var leadingOutput = list.Where(o => o.Leading).Sum(o => o.OutputWan);
        var pulling = list.Where(o => !o.Leading && o.OutputWan > 0).Select(o => o.Industry).ToList();
        var where = block is { } b ? Localized.Format("TheBlock", b) : Localized.Get("ThePark");
        string? missing = null;
        if (noEconomics)
        {
            missing = Localized.Get("MissingEconomicsTable");
        }
        else if (noParcels)
        {
            missing = Localized.Get("MissingParcelIndustry");
        }
        else if (rows == 0 || total <= 0)
        {
            missing = Localized.Format("MissingEconomicsRows", year, where);
        }
        else if (leading.Count == 0)
        {
            missing = Localized.Get("MissingLeadingIndustries");
        }

        if (missing is not null)
        {
            return new LeadingIndustryShare(block, leading, list, total, leadingOutput, null, null, pulling, missing, _options.Basis, excluded);
        }

        var share = leadingOutput / total;
        return new LeadingIndustryShare(block, leading, list, total, leadingOutput, share, share >= _options.MinShare, pulling, null, _options.Basis, excluded);
    }
}
