namespace ParkGis.Core.Crs;

/// <summary>An unquoted word in WKT, e.g. the axis direction <c>north</c> or the CS type <c>Cartesian</c>.</summary>
internal sealed record WktWord(string Text);
