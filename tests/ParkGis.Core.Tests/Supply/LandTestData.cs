using NetTopologySuite.IO;
using ParkGis.Core.Crs;
using ParkGis.Core.Data;

namespace ParkGis.Core.Tests.Supply;

/// <summary>In-memory datasets of WKT features with attributes, in EPSG:4545.</summary>
internal sealed class LandTestData
{
    private static readonly WKTReader Reader = new();
    private readonly Dictionary<LayerRole, List<Feature>> _features = [];

    public const double X = 500_000, Y = 4_400_000;

    public LandTestData Add(LayerRole role, string id, string wkt, params (string Field, object? Value)[] attributes)
    {
        var list = _features.TryGetValue(role, out var existing) ? existing : _features[role] = [];
        var values = attributes.ToDictionary(a => a.Field, a => a.Value, StringComparer.Ordinal);
        list.Add(new Feature(id, list.Count + 1, Reader.Read(wkt), values));
        return this;
    }

    public LandTestData Batch(string batchId, string wkt, string approvedOn = "2023-05-01") =>
        Add(LayerRole.Approvals, batchId, wkt, ("batch_id", batchId), ("approved_on", approvedOn), ("approval_no", $"文号-{batchId}"));

    public LandTestData Parcel(string id, string wkt, string suppliedOn = "2024-01-01", string parkId = "") =>
        Add(LayerRole.Parcels, id, wkt, ("parcel_id", id), ("park_id", parkId), ("supplied_on", suppliedOn));

    public Dataset Build(bool reversed = false) => new(
        "test",
        _features.ToDictionary(
            kv => kv.Key,
            kv => new Layer(kv.Key, LayerRoles.Name(kv.Key) + ".wkt", "WKT", CrsRegistry.FromEpsg(4545)!,
                reversed ? kv.Value.AsEnumerable().Reverse().ToList() : kv.Value, new Dictionary<string, string>())),
        []);

    /// <summary>A rectangle in metres relative to (X, Y).</summary>
    public static string Box(double x0, double y0, double x1, double y1) =>
        FormattableString.Invariant($"POLYGON(({X + x0} {Y + y0}, {X + x1} {Y + y0}, {X + x1} {Y + y1}, {X + x0} {Y + y1}, {X + x0} {Y + y0}))");
}
