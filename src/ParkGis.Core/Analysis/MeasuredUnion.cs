using NetTopologySuite.Geometries;

namespace ParkGis.Core.Analysis;

/// <summary>
/// The area of the union of polygons (<see cref="LayerOverlay.AreaOfUnion"/>), kept with the groups of polygons whose
/// interiors meet, so that the union of a sublist of the same polygon objects is measured without asking again what
/// the groups answered: two of the polygons in different groups do not meet, and a group the sublist holds whole, in
/// the same order, has the same union. The groups are the connected components of an exact pair test, so a sublist's
/// groups, and its area, are the very ones <see cref="LayerOverlay.AreaOfUnion"/> finds for it.
/// </summary>
internal sealed class MeasuredUnion
{
    private readonly IReadOnlyList<Polygon> _polygons;
    private readonly GeometryFactory _factory;
    private Dictionary<Polygon, int>? _indexOf;
    private int[]? _groupOf;
    private readonly int[][] _groups;
    private readonly double[] _areas;

    private MeasuredUnion(IReadOnlyList<Polygon> polygons, GeometryFactory factory)
    {
        (_polygons, _factory) = (polygons, factory);
        _groups = polygons.Count <= 1 ? [.. Enumerable.Range(0, polygons.Count).Select(i => new[] { i })] : LayerOverlay.InteriorGroups(polygons);
        _areas = LayerOverlay.GroupAreas(polygons, _groups, factory);
        Area = polygons.Count <= 1 ? (polygons.Count == 0 ? 0 : polygons[0].Area) : _areas.Sum();
    }

    /// <summary>The area of the union (in the CRS units²), as <see cref="LayerOverlay.AreaOfUnion"/> gives it.</summary>
    public double Area { get; }

    /// <summary>Measures the union of <paramref name="polygons"/> and keeps what sublists need.</summary>
    /// <param name="polygons">Valid polygons, overlapping or not.</param>
    /// <param name="factory">The factory of the unions.</param>
    public static MeasuredUnion Of(IReadOnlyList<Polygon> polygons, GeometryFactory factory)
    {
        ArgumentNullException.ThrowIfNull(polygons);
        ArgumentNullException.ThrowIfNull(factory);
        return new MeasuredUnion(polygons, factory);
    }

    /// <summary>
    /// The area of the union of <paramref name="sublist"/>, the same double as <see cref="LayerOverlay.AreaOfUnion"/> of
    /// it: polygons of this union's list (the same objects) are related through its groups, other polygons by the pair test.
    /// </summary>
    /// <param name="sublist">Valid polygons, most of them objects of this union's list.</param>
    public double AreaOf(IReadOnlyList<Polygon> sublist)
    {
        ArgumentNullException.ThrowIfNull(sublist);
        if (sublist.Count <= 1)
        {
            return sublist.Count == 0 ? 0 : sublist[0].Area;
        }

        var (indexOf, groupOf) = Listing();
        // The place in this union's list, -1 for another object (or one the sublist already holds: it is related anew).
        var indexes = new int[sublist.Count];
        var taken = new bool[groupOf.Length];
        var allListed = true;
        for (var s = 0; s < sublist.Count; s++)
        {
            indexes[s] = indexOf.TryGetValue(sublist[s], out var i) && !taken[i] ? i : -1;
            allListed &= indexes[s] >= 0;
            if (indexes[s] >= 0)
            {
                taken[indexes[s]] = true;
            }
        }

        var groups = allListed ? GroupsOfListed(sublist, indexes, groupOf)
            : LayerOverlay.InteriorGroups(sublist, (a, b) => indexes[a] < 0 || indexes[b] < 0 || groupOf[indexes[a]] == groupOf[indexes[b]], null);
        return LayerOverlay.GroupAreas(sublist, groups, _factory, group => KnownArea(group, indexes, groupOf)).Sum();
    }

    /// <summary>The interior groups of a sublist of listed polygons: the pairs are tested only within each of this union's groups.</summary>
    private int[][] GroupsOfListed(IReadOnlyList<Polygon> sublist, int[] indexes, int[] groupOf)
    {
        var parent = Enumerable.Range(0, sublist.Count).ToArray();
        var byGroup = new Dictionary<int, List<int>>();
        for (var s = 0; s < sublist.Count; s++)
        {
            var k = groupOf[indexes[s]];
            if (_groups[k].Length > 1)
            {
                if (!byGroup.TryGetValue(k, out var members))
                {
                    byGroup[k] = members = [];
                }

                members.Add(s);
            }
        }

        foreach (var members in byGroup.Values)
        {
            if (members.Count < 2)
            {
                continue;
            }

            foreach (var part in LayerOverlay.InteriorGroups(members.ConvertAll(s => sublist[s])))
            {
                foreach (var m in part)
                {
                    LayerOverlay.Join(parent, members[part[0]], members[m]);
                }
            }
        }

        return LayerOverlay.Components(parent);
    }

    /// <summary>The area of one of this union's groups when the sublist's group is that group, listed in the same order.</summary>
    private double? KnownArea(int[] group, int[] indexes, int[] groupOf)
    {
        if (indexes[group[0]] < 0)
        {
            return null;
        }

        var k = groupOf[indexes[group[0]]];
        var known = _groups[k];
        if (known.Length != group.Length)
        {
            return null;
        }

        for (var m = 0; m < group.Length; m++)
        {
            if (indexes[group[m]] != known[m])
            {
                return null;
            }
        }

        return _areas[k];
    }

    /// <summary>Where each object of the list is (an object listed twice: its first place) and its group, made once.</summary>
    private (Dictionary<Polygon, int> IndexOf, int[] GroupOf) Listing()
    {
        if (_indexOf is null || _groupOf is null)
        {
            _indexOf = new Dictionary<Polygon, int>(_polygons.Count, ReferenceEqualityComparer.Instance);
            _groupOf = new int[_polygons.Count];
            for (var i = 0; i < _polygons.Count; i++)
            {
                _indexOf.TryAdd(_polygons[i], i);
            }

            for (var k = 0; k < _groups.Length; k++)
            {
                foreach (var i in _groups[k])
                {
                    _groupOf[i] = k;
                }
            }
        }

        return (_indexOf, _groupOf);
    }
}
