using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using ParkGis.Core.Crs;
using ParkGis.Core.Data;

namespace ParkGis.Core.Tests.Infrastructure;

/// <summary>Builds in-memory datasets in EPSG:4545 whose features carry attributes.</summary>
internal sealed class ParkData
{
    private static readonly WKTReader Reader = new();
    private readonly Dictionary<LayerRole, List<Feature>> _features = [];

    public ParkData Add(LayerRole role, string id, string wkt, params (string Key, object? Value)[] attributes)
    {
        var list = _features.TryGetValue(role, out var existing) ? existing : _features[role] = [];
        var values = attributes.ToDictionary(a => a.Key, a => a.Value);
        list.Add(new Feature(id, list.Count + 1, Reader.Read(wkt), values));
        return this;
    }

    public ParkData Park(string id, string wkt) => Add(LayerRole.Parks, id, wkt, ("park_id", id), ("name", id + " park"));

    public ParkData Parcel(string id, string parkId, string wkt, bool supplied = true, string industry = "") =>
        Add(LayerRole.Parcels, id, wkt, ("parcel_id", id), ("park_id", parkId), ("supplied_on", supplied ? "2020-01-01" : string.Empty), ("industry", industry));

    public Dataset Build() => new(
        "test",
        _features.ToDictionary(kv => kv.Key, kv => new Layer(kv.Key, LayerRoles.Name(kv.Key) + ".wkt", "WKT", CrsRegistry.FromEpsg(4545)!, kv.Value, new Dictionary<string, string>())),
        []);

    public static string Rectangle(double x0, double y0, double x1, double y1) =>
        FormattableString.Invariant($"POLYGON(({x0} {y0}, {x1} {y0}, {x1} {y1}, {x0} {y1}, {x0} {y0}))");

    public static string Line(double x0, double y0, double x1, double y1) =>
        FormattableString.Invariant($"LINESTRING({x0} {y0}, {x1} {y1})");
}
