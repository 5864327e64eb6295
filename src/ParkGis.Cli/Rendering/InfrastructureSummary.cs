using System.Globalization;
using ParkGis.Cli.Localization;
using ParkGis.Core.Data;
using ParkGis.Core.Infrastructure;
using ParkGis.Core.Measures;

namespace ParkGis.Cli.Rendering;

/// <summary>The human-readable result of <c>parkgis infrastructure</c>: one line per park with the coverage of each network.</summary>
internal static class InfrastructureSummary
{
    /// <summary>Writes the summary.</summary>
    public static void Write(TextWriter stdout, InfrastructureResult result)
    {
        var met = result.Parks.Count(p => p.MeetsAll == true);
        stdout.WriteLine(Text.Format("InfrastructureHeadline", result.Parks.Count, met, Invariant($"{result.Options.MinCoverage:P0}")));
        stdout.WriteLine(Text.Get("InfrastructureDistances") + string.Join(Text.Get("ListSeparator"), UtilityNetworks.All.Select(u => Invariant($"{LayerRoles.Label(u)} {result.Options.DistanceM(u):0.###}"))));
        stdout.WriteLine();
        var table = new TerminalTable(
            Text.Get("ColumnPark"),
            [Text.Get("ColumnSuppliedParcels"), .. UtilityNetworks.All.Select(LayerRoles.Label), Text.Get("ColumnLevelled"), Text.Get("ColumnNineAndOne")]);
        foreach (var park in result.Parks)
        {
            var title = string.IsNullOrEmpty(park.Name) ? park.ParkId : $"{park.ParkId} {park.Name}";
            var cells = new List<string> { Invariant($"{park.SuppliedParcels}") };
            foreach (var utility in park.Utilities)
            {
                cells.Add(!utility.LayerPresent ? Text.Get("CellNoLayer")
                    : !utility.Required ? Text.Get("CellNotApplicable")
                    : utility.Coverage is { } c ? Invariant($"{c * 100:0.0}%") + (utility.Meets == true ? string.Empty : "✗")
                    : "—");
            }

            cells.Add(Flag(park.Levelled, Text.Get("CellYes"), Text.Get("CellNo")));
            cells.Add(Flag(park.MeetsAll, Text.Get("CellMeets"), Text.Get("CellFails")));
            table.Add(title, [.. cells]);
        }

        table.Write(stdout);
        stdout.WriteLine();
        stdout.WriteLine(Text.Get("InfrastructureLegend"));
        foreach (var park in result.Parks)
        {
            var none = park.Utilities.Where(u => u.Required && u.Coverage == 0).Select(u => LayerRoles.Label(u.Utility)).ToList();
            if (none.Count > 0)
            {
                stdout.WriteLine(Text.Format("InfrastructureNoNetwork", park.ParkId, Text.List(none), park.SuppliedParcels));
            }

            foreach (var utility in park.Utilities.Where(u => u.Required && u.Unserved.Count > 0 && u.Coverage > 0))
            {
                var area = utility.Unserved.Sum(u => u.AreaM2);
                var ids = string.Join("、", utility.Unserved.Take(8).Select(u => u.ParcelId)) + (utility.Unserved.Count > 8 ? " …" : string.Empty);
                stdout.WriteLine(Text.Format("InfrastructureUnserved", park.ParkId, LayerRoles.Label(utility.Utility), utility.Unserved.Count, AreaUnits.ToHectares(area), ids));
            }
        }

        DataIssueCount.Write(stdout, result.Issues, "infrastructure.json");
    }

    private static string Flag(bool? value, string yes, string no) => value switch
    {
        true => yes,
        false => no,
        null => "—",
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
