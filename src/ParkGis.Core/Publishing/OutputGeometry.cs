using NetTopologySuite.Geometries;

namespace ParkGis.Core.Publishing;

/// <summary>A geometry as <see cref="OutputGeometryPolicy"/> lets it be written.</summary>
/// <param name="Geometry">On the writer's grid; valid when polygonal; empty when every part collapsed.</param>
/// <param name="PartsDropped">Polygons (or lines) that collapsed below the grid and were left out.</param>
/// <param name="AreaBefore">Area of the polygonal input, in the units of its CRS (0 for lines and points).</param>
/// <param name="AreaAfter">Area of <paramref name="Geometry"/>, in the same units.</param>
/// <param name="Repaired">True when the input was not valid and was repaired before rounding.</param>
public sealed record OutputGeometry(Geometry Geometry, int PartsDropped, double AreaBefore, double AreaAfter, bool Repaired);
