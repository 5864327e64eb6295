using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using ParkGis.Core.Crs;
using ParkGis.Core.Data;

namespace ParkGis.Core.Tests.Conflicts;

/// <summary>Builds in-memory datasets from WKT, in EPSG:4545 unless told otherwise.</summary>
internal sealed class TestDatasets
{
    private static readonly WKTReader Reader = new();
    private readonly Dictionary<LayerRole, Layer> _layers = [];

    public static CrsDefinition Zone36 => CrsRegistry.FromEpsg(4545)!;

    public TestDatasets With(LayerRole role, params string[] wkts) => With(role, Zone36, wkts);

    public TestDatasets With(LayerRole role, CrsDefinition crs, params string[] wkts)
    {
        var prefix = role switch
        {
            LayerRole.Parks => "P",
            LayerRole.Parcels => "L",
            LayerRole.EcologicalRedline => "R",
            LayerRole.PermanentFarmland => "F",
            LayerRole.UrbanBoundary => "U",
            _ => "A",
        };
        var features = wkts.Select((wkt, i) => new Feature(
            $"{prefix}{i + 1}",
            i + 1,
            wkt.Length == 0 ? Polygon.Empty : Reader.Read(wkt),
            new Dictionary<string, object?> { ["name"] = $"{prefix}{i + 1} name" })).ToList();
        _layers[role] = new Layer(role, $"{LayerRoles.Name(role)}.wkt", "WKT", crs, features, new Dictionary<string, string>());
        return this;
    }

    public Dataset Build() => new("test", _layers, []);

    public static string Square(double x, double y, double size) =>
        FormattableString.Invariant($"POLYGON(({x} {y}, {x + size} {y}, {x + size} {y + size}, {x} {y + size}, {x} {y}))");

    public static string Rectangle(double x0, double y0, double x1, double y1) =>
        FormattableString.Invariant($"POLYGON(({x0} {y0}, {x1} {y0}, {x1} {y1}, {x0} {y1}, {x0} {y0}))");
}
