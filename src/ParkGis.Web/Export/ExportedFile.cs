namespace ParkGis.Web.Export;

/// <summary>One GeoJSON file written by the export.</summary>
/// <param name="FileName">File name, e.g. <c>parks.geojson</c>.</param>
/// <param name="Features">Features written.</param>
/// <param name="Bytes">Size of the file.</param>
/// <param name="UnsimplifiedBytes">Size the file would have without <c>--simplify</c>; null when not simplified.</param>
/// <param name="Vertices">Vertices written.</param>
/// <param name="UnsimplifiedVertices">Vertices before simplification.</param>
/// <param name="KeptUnsimplified">Features written unsimplified because simplification would have made them invalid or empty (or they were invalid to begin with).</param>
/// <param name="WithoutGeometry">Features whose whole geometry collapsed at the export's precision: written with their properties and no geometry.</param>
public sealed record ExportedFile(string FileName, int Features, long Bytes, long? UnsimplifiedBytes, long Vertices, long UnsimplifiedVertices, int KeptUnsimplified, int WithoutGeometry);
