using System.Globalization;
using ParkGis.Core.Analysis;
using ParkGis.Core.Data;
using ParkGis.Core.Errors;
using ParkGis.Core.Parks;

namespace ParkGis.Core.Industry;

/// <summary>
/// The leading-industry share (主导产业产值占比): per park and per block, the output of each industry (parcel
/// <c>industry</c>, output from the economics table for one year), the share of the park's leading industries,
/// pass/fail against the minimum (80% by default; equality passes) and the industries pulling the share down.
/// Without economics data for a park the share is not computable — never 0.
/// </summary>
public sealed class LeadingIndustryAnalysis
{
    /// <summary>The label of output from parcels with no industry.</summary>
    public const string UnspecifiedIndustry = "未注明";

    private readonly LeadingIndustryOptions _options;

    /// <summary>Creates an analysis with the given options.</summary>
    public LeadingIndustryAnalysis(LeadingIndustryOptions options) => _options = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>Runs the analysis.</summary>
    /// <param name="dataset">The dataset (parks and parcels).</param>
    /// <param name="profiles">Leading industries per park id.</param>
    /// <param name="economics">The economics rows; empty when the dataset has none.</param>
    /// <exception cref="UnusableInputException">The dataset has no parks layer.</exception>
    public LeadingIndustryResult Analyze(Dataset dataset, IReadOnlyDictionary<string, ParkProfile> profiles, IReadOnlyList<EconomicsRecord> economics)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(economics);
        var issues = new List<DataIssue>();
        var parksLayer = dataset.Find(LayerRole.Parks)
            ?? throw new UnusableInputException(ErrorCodes.RequiredLayerMissing, "The dataset has no parks layer.", dataset.Name,
                hint: "Add parks.geojson, parks.shp or a 'parks' layer in a GeoPackage, or map the role in parkgis.json.");
        var parks = new LayerProjections(FeatureScreening.Screen(parksLayer, repairInvalid: true, []), parksLayer.Crs);
        var year = _options.Year ?? (economics.Count > 0 ? economics.Max(e => e.Year) : null);

        // parcel id → (park index, block (0 = unknown), industry)
        var parcelPlaces = new Dictionary<string, (int Park, int Block, string Industry)>(StringComparer.Ordinal);
        var parcelLayer = dataset.Find(LayerRole.Parcels);
        if (parcelLayer is not null)
        {
            var parcels = new LayerProjections(FeatureScreening.Screen(parcelLayer, repairInvalid: true, []), parcelLayer.Crs);
            var placements = ParcelAssignment.Assign(parcelLayer, parcels, parks);
            var screened = new Dictionary<string, ParcelPlacement?>(StringComparer.Ordinal);
            for (var i = 0; i < parcels.Features.Count; i++)
            {
                screened[parcels.Features[i].Id] = placements[i];
            }

            var parkIndex = Enumerable.Range(0, parks.Features.Count).GroupBy(j => parks.Features[j].Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            foreach (var feature in parcelLayer.Features)
            {
                var industry = parcelLayer.Text(feature, "industry") ?? UnspecifiedIndustry;
                if (screened.TryGetValue(feature.Id, out var placement))
                {
                    if (placement is not null)
                    {
                        parcelPlaces[feature.Id] = (placement.ParkIndex, placement.Block, industry);
                    }
                }
                else if (parcelLayer.Text(feature, "park_id") is { } parkId && parkIndex.TryGetValue(parkId, out var park))
                {
                    parcelPlaces[feature.Id] = (park, 0, industry);
                }
            }
        }

        var knownParcels = new HashSet<string>(parcelLayer?.Features.Select(f => f.Id) ?? [], StringComparer.Ordinal);
        var outputs = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var row in economics)
        {
            if (row.Year != year)
            {
                continue;
            }

            if (parcelLayer is not null && !knownParcels.Contains(row.ParcelId))
            {
                issues.Add(new DataIssue("economics", row.ParcelId, DataIssueCodes.UnknownParcel,
                    string.Create(CultureInfo.InvariantCulture, $"Economics row for {row.Year} names parcel {row.ParcelId}, which the parcels layer does not have; its output was left out.")));
                continue;
            }

            outputs[row.ParcelId] = outputs.GetValueOrDefault(row.ParcelId) + row.OutputWan;
        }

        var result = new List<ParkLeadingIndustry>();
        for (var j = 0; j < parks.Features.Count; j++)
        {
            var feature = parks.Features[j];
            var profile = profiles.TryGetValue(feature.Id, out var p) ? p : ParkProfile.Empty(feature.Id);
            var mine = parcelPlaces.Where(kv => kv.Value.Park == j).Select(kv => (ParcelId: kv.Key, kv.Value.Block, kv.Value.Industry)).ToList();
            var whole = Share(null, profile.LeadingIndustries, mine, outputs, year, economics.Count == 0, parcelLayer is null);
            var blocks = new List<LeadingIndustryShare>();
            var blockCount = feature.Geometry.NumGeometries;
            if (blockCount > 1)
            {
                for (var b = 1; b <= blockCount; b++)
                {
                    blocks.Add(Share(b, profile.LeadingIndustriesOf(b), mine.Where(m => m.Block == b).ToList(), outputs, year, economics.Count == 0, parcelLayer is null));
                }
            }

            result.Add(new ParkLeadingIndustry(feature.Id, parksLayer.Text(feature.Source, "name") ?? string.Empty, whole, blocks));
        }

        return new LeadingIndustryResult(year, _options.MinShare, result.OrderBy(r => r.ParkId, StringComparer.Ordinal).ToList(), issues);
    }

    private LeadingIndustryShare Share(
        int? block, IReadOnlyList<string> leading, List<(string ParcelId, int Block, string Industry)> parcels, Dictionary<string, double> outputs,
        int? year, bool noEconomics, bool noParcels)
    {
        var byIndustry = new Dictionary<string, double>(StringComparer.Ordinal);
        var rows = 0;
        foreach (var parcel in parcels)
        {
            if (outputs.TryGetValue(parcel.ParcelId, out var output))
            {
                rows++;
                byIndustry[parcel.Industry] = byIndustry.GetValueOrDefault(parcel.Industry) + output;
            }
        }

        var leadingSet = new HashSet<string>(leading, StringComparer.Ordinal);
        var list = byIndustry.Select(kv => new IndustryOutput(kv.Key, kv.Value, leadingSet.Contains(kv.Key)))
            .OrderByDescending(o => o.OutputWan).ThenBy(o => o.Industry, StringComparer.Ordinal).ToList();
        var total = list.Sum(o => o.OutputWan);
        var leadingOutput = list.Where(o => o.Leading).Sum(o => o.OutputWan);
        var pulling = list.Where(o => !o.Leading && o.OutputWan > 0).Select(o => o.Industry).ToList();
        var where = block is { } b ? string.Create(CultureInfo.InvariantCulture, $"block {b}") : "the park";
        string? missing = null;
        if (noEconomics)
        {
            missing = "economics table (economics.csv with parcel_id, year, output_wan)";
        }
        else if (noParcels)
        {
            missing = "parcels layer (parcel industry)";
        }
        else if (rows == 0 || total <= 0)
        {
            missing = string.Create(CultureInfo.InvariantCulture, $"economics rows (output_wan) for {year} of the parcels of {where}");
        }
        else if (leading.Count == 0)
        {
            missing = "leading_industries of the park (parks layer field or parkgis.json parks.<id>.leading_industries)";
        }

        if (missing is not null)
        {
            return new LeadingIndustryShare(block, leading, list, total, leadingOutput, null, null, pulling, missing);
        }

        var share = leadingOutput / total;
        return new LeadingIndustryShare(block, leading, list, total, leadingOutput, share, share >= _options.MinShare, pulling, null);
    }
}
