using NetTopologySuite.Geometries;
using ParkGis.Core.Data;
using ParkGis.Core.Localization;

namespace ParkGis.Core.Analysis;

/// <summary>
/// Features with exactly the same geometry (重复要素: a copied record, a historical version left in the layer) are one
/// piece of land: the feature with the smallest id (ordinal) is kept, every copy is a <c>duplicate_geometry</c> data
/// issue naming it. "The same" means equal after normalisation (any start vertex, either orientation, parts in any
/// order), exactly — a re-digitised version of a parcel is another geometry.
/// </summary>
public static class DuplicateGeometries
{
    /// <summary>The features with every exact copy left out (the same list when there is none); one issue per copy.</summary>
    /// <param name="features">Screened features of one layer.</param>
    /// <param name="layerName">The layer's role name, for the issues.</param>
    /// <param name="issues">Receives one <c>duplicate_geometry</c> per copy left out, sorted by the copy's id.</param>
    public static IReadOnlyList<PolygonalFeature> CountOnce(IReadOnlyList<PolygonalFeature> features, string layerName, ICollection<DataIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(issues);
        var copyOf = CopiesOf(features);
        foreach (var (copy, kept) in copyOf.OrderBy(c => features[c.Key].Id, StringComparer.Ordinal))
        {
            issues.Add(CopyIssue(layerName, features[copy].Id, features[kept].Id));
        }

        return copyOf.Count == 0 ? features : [.. features.Where((_, i) => !copyOf.ContainsKey(i))];
    }

    /// <summary>The <c>duplicate_geometry</c> issue of copy <paramref name="copyId"/> of the feature kept, <paramref name="keptId"/>.</summary>
    internal static DataIssue CopyIssue(string layerName, string copyId, string keptId) =>
        new(layerName, copyId, DataIssueCodes.DuplicateGeometry, Localized.Format("DuplicateGeometry", keptId, keptId));

    /// <summary>Every exact copy among <paramref name="features"/>, by index, with the index of the feature kept for it (the smallest id of its class).</summary>
    internal static Dictionary<int, int> CopiesOf(IReadOnlyList<PolygonalFeature> features)
    {
        if (features.Count < 2)
        {
            return new Dictionary<int, int>();
        }

        var hashes = new ulong[features.Count];
        Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, features.Count, 4096), range =>
        {
            for (var i = range.Item1; i < range.Item2; i++)
            {
                hashes[i] = OutlineKey(features[i].Geometry);
            }
        });

        var sorted = (ulong[])hashes.Clone();
        Array.Sort(sorted);
        if (!HasRepeat(sorted))
        {
            return new Dictionary<int, int>(); // the usual case, decided without a dictionary: no two shapes alike
        }

        var first = new Dictionary<ulong, int>(features.Count);
        var sharing = new Dictionary<ulong, List<int>>();
        for (var i = 0; i < features.Count; i++)
        {
            if (!first.TryAdd(hashes[i], i))
            {
                (sharing.TryGetValue(hashes[i], out var list) ? list : sharing[hashes[i]] = [first[hashes[i]]]).Add(i);
            }
        }

        var copyOf = new Dictionary<int, int>();
        foreach (var candidates in sharing.Values)
        {
            // Normalised copies only of each class's first member: a million copies of one parcel cost one.
            var classes = new List<(Geometry Shape, List<int> Members)>();
            foreach (var i in candidates)
            {
                var shape = features[i].Geometry.Normalized();
                var same = classes.FindIndex(c => c.Shape.EqualsExact(shape));
                if (same < 0)
                {
                    classes.Add((shape, [i]));
                }
                else
                {
                    classes[same].Members.Add(i);
                }
            }

            foreach (var (_, group) in classes.Where(c => c.Members.Count > 1))
            {
                var kept = group.MinBy(i => features[i].Id, StringComparer.Ordinal);
                foreach (var i in group.Where(i => i != kept))
                {
                    copyOf[i] = kept;
                }
            }
        }

        return copyOf;
    }

    private static bool HasRepeat(ulong[] sorted)
    {
        for (var k = 1; k < sorted.Length; k++)
        {
            if (sorted[k] == sorted[k - 1])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A key equal for equal geometries whatever their start vertex, orientation or order of parts: the envelope and
    /// the vertex count, mixed. Read from the cached envelope, so the usual layer without copies costs no pass over its
    /// coordinates; equal keys are then compared exactly.
    /// </summary>
    private static ulong OutlineKey(Geometry geometry)
    {
        var envelope = geometry.EnvelopeInternal;
        var key = Mix((ulong)geometry.NumPoints);
        foreach (var value in (ReadOnlySpan<double>)[envelope.MinX, envelope.MinY, envelope.MaxX, envelope.MaxY])
        {
            key = Mix(key ^ (ulong)BitConverter.DoubleToInt64Bits(value));
        }

        return key;
    }

    /// <summary>The splitmix64 finaliser.</summary>
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
