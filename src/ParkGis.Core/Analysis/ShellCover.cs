using NetTopologySuite.Geometries;

namespace ParkGis.Core.Analysis;

/// <summary>
/// Whether one small hole-free polygon covers another (DE-9IM Covers: no point of the second outside the first),
/// answered exactly and without RelateNG for the common case of a parcel (宗地) against an approval feature traced on
/// the same grid: every edge of the parcel either is an edge of the approval or meets the approval's boundary at most
/// in a shared vertex.
/// </summary>
/// <remarks>
/// <para>
/// With exact predicates only (<see cref="InteriorContact.Classify"/>, exact coordinate equality,
/// <see cref="RingPointLocation"/>): an edge of the parcel that crosses an edge of the container transversally at a
/// point inside both has points outside the container there — not covered; so has a parcel vertex in the container's
/// exterior. Otherwise, when every edge pair is apart or the same segment, every parcel vertex off the container's
/// vertices lies in its interior and no unshared parcel edge joins two of the container's vertices, then each parcel
/// edge lies on the container's boundary (a shared one) or, its relative interior meeting no boundary, wholly in the
/// interior (the side of its vertex that is not the container's): the parcel's boundary lies in the closed container.
/// A closed hole-free polygon is a closed disc, so the region that boundary encloses lies in it too — covered.
/// </para>
/// <para>Any other contact, a larger or holed polygon: null, for RelateNG to decide.</para>
/// </remarks>
internal static class ShellCover
{
    /// <summary>Whether <paramref name="container"/> covers <paramref name="polygon"/>, or null when the fast path cannot tell.</summary>
    /// <param name="container">A valid polygonal geometry.</param>
    /// <param name="polygon">A valid polygonal geometry in the same CRS.</param>
    public static bool? Covers(Geometry container, Geometry polygon)
    {
        if (HoleFreeShell.Of(container, InteriorContact.MaxFastPathVertices) is not { } ringA
            || HoleFreeShell.Of(polygon, InteriorContact.MaxFastPathVertices) is not { } ringP)
        {
            return null;
        }

        var boxA = InteriorContact.Box.Of(ringA);
        var edgesP = ringP.Length - 1;
        Span<bool> shared = stackalloc bool[edgesP];
        for (var i = 0; i < edgesP; i++)
        {
            var p0 = ringP[i];
            var p1 = ringP[i + 1];
            var edge = InteriorContact.Box.Of(p0, p1);
            if (edge.Misses(boxA))
            {
                return false; // an edge off the container's envelope lies outside it
            }

            for (var j = 0; j < ringA.Length - 1; j++)
            {
                if (edge.Misses(ringA[j], ringA[j + 1]))
                {
                    continue;
                }

                switch (InteriorContact.Classify(p0, p1, ringA[j], ringA[j + 1]))
                {
                    case InteriorContact.EdgePair.Apart:
                        continue;
                    case InteriorContact.EdgePair.ProperCrossing:
                        return false;
                    case InteriorContact.EdgePair.SameDirection or InteriorContact.EdgePair.OppositeDirection:
                        shared[i] = true;
                        continue;
                    default:
                        return null;
                }
            }
        }

        Span<bool> isVertexOfA = stackalloc bool[edgesP];
        for (var i = 0; i < edgesP; i++)
        {
            isVertexOfA[i] = InteriorContact.IsVertexOf(ringP[i], ringA);
        }

        for (var i = 0; i < edgesP; i++)
        {
            if (!shared[i] && isVertexOfA[i] && isVertexOfA[(i + 1) % edgesP])
            {
                return null; // a chord between two of the container's vertices: inside or outside, one vertex cannot tell
            }
        }

        for (var i = 0; i < edgesP; i++)
        {
            if (isVertexOfA[i])
            {
                continue;
            }

            switch (RingPointLocation.Locate(ringP[i], ringA))
            {
                case Location.Interior:
                    continue;
                case Location.Exterior:
                    return false;
                default:
                    return null;
            }
        }

        return true;
    }
}
