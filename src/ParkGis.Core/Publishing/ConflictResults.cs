using System.Globalization;
using ParkGis.Core.Conflicts;
using ParkGis.Core.Data;
using ParkGis.Core.Localization;
using ParkGis.Core.Measures;

namespace ParkGis.Core.Publishing;

/// <summary>Publishes a <see cref="ConflictCheckResult"/>: the patches as the <c>conflicts</c> layer and a table per park.</summary>
public static class ConflictResults
{
    /// <summary>The <c>conflicts</c> layer: every patch, park order, then kind, then descending area.</summary>
    public static ResultLayer Layer(ConflictCheckResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Layer(result.Parks);
    }

    /// <summary>The <c>conflicts</c> layer of the parks' results (<see cref="ConflictCheckResult.Parks"/>), which is all it depends on.</summary>
    public static ResultLayer Layer(IReadOnlyList<ParkConflicts> parks)
    {
        ArgumentNullException.ThrowIfNull(parks);
        var features = parks
            .SelectMany(park => ConflictKinds.All.SelectMany(kind => park.Patches.Where(p => p.Kind == kind)).Select(patch => (park, patch)))
            .Select(item => new ResultFeature(
                item.patch.Geometry,
                item.patch.Crs,
                item.patch.AreaM2,
                ConflictKinds.Name(item.patch.Kind),
                ConflictKinds.Severity(item.patch.Kind),
                item.park.Name,
                [
                    new("park_id", item.park.ParkId),
                    new("park_name", item.park.Name),
                    new("kind_zh", ConflictKinds.ChineseName(item.patch.Kind)),
                    new("source_ids", string.Join(",", item.patch.SourceIds)),
                    new("analysis_crs", item.patch.Crs.Code),
                ]))
            .ToList();
        return new ResultLayer("conflicts", Localized.Get("PublishedLayerConflicts"), features, Highlight: true);
    }

    /// <summary>One row per park: area and the conflict area of each kind in 亩, and the number of patches.</summary>
    public static FindingsTable Table(ConflictCheckResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var columns = new List<string> { FieldLabels.Label("park_id")!, FieldLabels.Label("park_name")!, Localized.Get("TableAreaMu") };
        columns.AddRange(ConflictKinds.All.Select(kind => Localized.Format("TableKindMu", ConflictKinds.Label(kind))));
        columns.Add(Localized.Get("TablePatches"));
        var rows = result.Parks.Select(park =>
        {
            var row = new List<string> { park.ParkId, park.Name, Mu(park.AreaM2) };
            row.AddRange(ConflictKinds.All.Select(kind => park.Conflicts.TryGetValue(kind, out var tally) && tally.Checked ? Mu(tally.AreaM2) : Localized.Get("TableNotChecked")));
            row.Add(park.Patches.Count.ToString(CultureInfo.InvariantCulture));
            return (IReadOnlyList<string>)row;
        }).ToList();
        return new FindingsTable(Localized.Get("TableConflictsTitle"), columns, rows);
    }

    private static string Mu(double areaM2) => AreaUnits.ToMu(areaM2).ToString("0.00", CultureInfo.InvariantCulture);
}
