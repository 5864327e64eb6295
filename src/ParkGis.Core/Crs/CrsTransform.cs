using NetTopologySuite.Geometries;

namespace ParkGis.Core.Crs;

/// <summary>Transforms coordinates between two supported CRSs (ProjNET), in lon/lat and easting/northing order.</summary>
public sealed class CrsTransform
{
    private CrsTransform(CrsDefinition source, CrsDefinition target)
    {
        Source = source;
        Target = target;
    }

    /// <summary>The CRS coordinates come from.</summary>
    public CrsDefinition Source { get; }

    /// <summary>The CRS coordinates go to.</summary>
    public CrsDefinition Target { get; }

    /// <summary>Creates a transform; identical or equivalent CRSs give an identity transform.</summary>
    public static CrsTransform Create(CrsDefinition source, CrsDefinition target) => throw new NotImplementedException();

    /// <summary>A transformed copy of a geometry (x = easting or longitude, y = northing or latitude).</summary>
    public Geometry Apply(Geometry geometry) => throw new NotImplementedException();

    /// <summary>A transformed coordinate.</summary>
    public Coordinate Apply(Coordinate coordinate) => throw new NotImplementedException();
}
