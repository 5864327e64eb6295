using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Operation.RelateNG;

namespace ParkGis.Core.Analysis;

/// <summary>
/// A large polygon prepared with RelateNG (its edge index kept across calls) behind <see cref="IPreparedGeometry"/>,
/// for a subject that many small features touch along shared edges — the approved land of a park (批) against the
/// parcels traced on the same grid. NTS's <see cref="PreparedPolygon"/> answers <c>Covers</c> for such a feature
/// by a full relate of the whole subject (a new graph of all its edges per feature); RelateNG answers the same
/// predicate from the kept index.
/// </summary>
public sealed class RelatePreparedGeometry : IPreparedGeometry
{
    /// <summary>DE-9IM pattern of ContainsProperly: the other geometry lies in this one's interior.</summary>
    private const string ContainsProperlyPattern = "T**FF*FF*";

    /// <summary>DE-9IM pattern of interiors that meet: the two share some area (not merely a boundary).</summary>
    private const string InteriorsIntersectPattern = "T********";

    private readonly RelateNG _relate;

    /// <summary>Prepares <paramref name="geometry"/>.</summary>
    public RelatePreparedGeometry(Geometry geometry)
    {
        Geometry = geometry ?? throw new ArgumentNullException(nameof(geometry));
        _relate = RelateNG.Prepare(geometry);
    }

    /// <inheritdoc />
    public Geometry Geometry { get; }

    /// <inheritdoc />
    public bool Contains(Geometry geom) => _relate.Evaluate(geom, RelatePredicate.Contains());

    /// <inheritdoc />
    public bool ContainsProperly(Geometry geom) => _relate.Evaluate(geom, ContainsProperlyPattern);

    /// <inheritdoc />
    public bool CoveredBy(Geometry geom) => _relate.Evaluate(geom, RelatePredicate.CoveredBy());

    /// <inheritdoc />
    public bool Covers(Geometry geom) => _relate.Evaluate(geom, RelatePredicate.Covers());

    /// <inheritdoc />
    public bool Crosses(Geometry geom) => _relate.Evaluate(geom, RelatePredicate.Crosses());

    /// <inheritdoc />
    public bool Disjoint(Geometry geom) => _relate.Evaluate(geom, RelatePredicate.Disjoint());

    /// <inheritdoc />
    public bool Intersects(Geometry geom) => _relate.Evaluate(geom, RelatePredicate.Intersects());

    /// <summary>Whether the interiors meet: an intersection with area, for polygons (touching along an edge is not).</summary>
    public bool InteriorsIntersect(Geometry geom) => _relate.Evaluate(geom, InteriorsIntersectPattern);

    /// <inheritdoc />
    public bool Overlaps(Geometry geom) => _relate.Evaluate(geom, RelatePredicate.Overlaps());

    /// <inheritdoc />
    public bool Touches(Geometry geom) => _relate.Evaluate(geom, RelatePredicate.Touches());

    /// <inheritdoc />
    public bool Within(Geometry geom) => _relate.Evaluate(geom, RelatePredicate.Within());
}
