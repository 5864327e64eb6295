using System.Globalization;
using ParkGis.Core.Data;
using ParkGis.IO.Formats;
using ParkGis.IO.Localization;

namespace ParkGis.IO.Datasets;

/// <summary>
/// Gives every feature of a layer a unique id. The id is the value of the layer's id field — parks
/// <c>park_id</c>, parcels <c>parcel_id</c>, approvals <c>batch_id</c>, other layers <c>id</c>, <c>BSM</c>,
/// <c>fid</c> or <c>OBJECTID</c> (through the layer's field map) — as invariant text. A feature without one
/// gets its ordinal (reported as <see cref="DataIssueCodes.MissingId"/> for parks and parcels). When several
/// features share an id the first keeps it and the others get <c>#2</c>, <c>#3</c>, … appended
/// (<c>P1</c>, <c>P1#2</c>, <c>P1#3</c>), reported once per id as <see cref="DataIssueCodes.DuplicateId"/>.
/// </summary>
internal static class FeatureIdAssigner
{
    private static readonly string[] ControlLayerIdFields = ["id", "BSM", "fid", "OBJECTID"];

    /// <summary>2^53: whole numbers above it do not all have a double of their own.</summary>
    private const double MaxExactDouble = 9_007_199_254_740_992;

    /// <summary>The canonical id field of a role, or null for control layers, which try several names.</summary>
    public static string? IdField(LayerRole role) => role switch
    {
        LayerRole.Parks => "park_id",
        LayerRole.Parcels => "parcel_id",
        LayerRole.Approvals => "batch_id",
        _ => null,
    };

    /// <summary>The source fields that may hold a layer's id, in order of preference (after parkgis.json renames).</summary>
    public static string[] IdCandidates(LayerRole role, IReadOnlyDictionary<string, string> fieldMap)
    {
        var canonical = IdField(role);
        return canonical is not null
            ? [fieldMap.TryGetValue(canonical, out var mapped) ? mapped : canonical]
            : fieldMap.TryGetValue("id", out var mappedId) ? [mappedId] : ControlLayerIdFields;
    }

    public static List<Feature> Assign(LayerRole role, string inputName, IReadOnlyList<SourceFeature> sources, IReadOnlyDictionary<string, string> fieldMap, List<DataIssue> issues)
    {
        var ids = AssignIds(role, inputName, sources, fieldMap, issues);
        var features = new List<Feature>(sources.Count);
        for (var i = 0; i < sources.Count; i++)
        {
            features.Add(new Feature(ids[i], sources[i].Ordinal, sources[i].Geometry, sources[i].Attributes));
        }

        return features;
    }

    /// <summary>The ids <see cref="Assign"/> gives the features, in their order, and its issues, without building the features.</summary>
    public static string[] AssignIds(LayerRole role, string inputName, IReadOnlyList<SourceFeature> sources, IReadOnlyDictionary<string, string> fieldMap, List<DataIssue> issues)
    {
        var roleName = LayerRoles.Name(role);
        var canonical = IdField(role);
        var candidates = IdCandidates(role, fieldMap);
        var reportMissing = role is LayerRole.Parks or LayerRole.Parcels;

        var ids = new string[sources.Count];
        var inexact = new bool[sources.Count];
        for (var i = 0; i < sources.Count; i++)
        {
            var source = sources[i];
            string? id = null;
            foreach (var field in candidates)
            {
                if (source.Attributes.TryGetValue(field, out var value) && IdText(value) is { } text)
                {
                    id = text;
                    inexact[i] = value is double number && Math.Abs(number) > MaxExactDouble;
                    break;
                }
            }

            if (id is null)
            {
                id = source.Ordinal.ToString(CultureInfo.InvariantCulture);
                if (reportMissing)
                {
                    var fieldText = FieldLabels.WithSource(canonical ?? candidates[0], candidates[0]);
                    issues.Add(new DataIssue(roleName, "#" + id, DataIssueCodes.MissingId,
                        Localized.Format("FeatureNoId", id, inputName, fieldText, id)));
                }
            }

            ids[i] = id;
        }

        MakeUnique(ids, inexact, sources, roleName, inputName, issues);
        return ids;
    }

    private static void MakeUnique(string[] ids, bool[] inexact, IReadOnlyList<SourceFeature> sources, string roleName, string inputName, List<DataIssue> issues)
    {
        // Usually every id is unique: find out without a list of positions per id.
        var distinct = new HashSet<string>(ids.Length, StringComparer.Ordinal);
        if (ids.All(distinct.Add))
        {
            return;
        }

        var positions = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var order = new List<string>();
        for (var i = 0; i < ids.Length; i++)
        {
            if (!positions.TryGetValue(ids[i], out var list))
            {
                list = [];
                positions.Add(ids[i], list);
                order.Add(ids[i]);
            }

            list.Add(i);
        }

        if (order.Count == ids.Length)
        {
            return;
        }

        var used = new HashSet<string>(ids, StringComparer.Ordinal);
        foreach (var id in order)
        {
            var list = positions[id];
            if (list.Count < 2)
            {
                continue;
            }

            var suffix = 2;
            for (var k = 1; k < list.Count; k++)
            {
                string candidate;
                do
                {
                    candidate = id + "#" + suffix.ToString(CultureInfo.InvariantCulture);
                    suffix++;
                }
                while (!used.Add(candidate));
                ids[list[k]] = candidate;
            }

            var ordinals = list.Select(index => "#" + sources[index].Ordinal.ToString(CultureInfo.InvariantCulture)).ToList();
            var kept = list.Select(index => ids[index]).ToList();
            var lostDigits = list.Any(index => inexact[index])
                ? Localized.Get("IdsLostDigits")
                : string.Empty;
            issues.Add(new DataIssue(roleName, id, DataIssueCodes.DuplicateId,
                Localized.Format("DuplicateFeatureIds", id, list.Count, inputName, string.Join(", ", ordinals), string.Join(", ", kept), lostDigits)));
        }
    }

    private static string? IdText(object? value) => AttributeText.Of(value);
}
