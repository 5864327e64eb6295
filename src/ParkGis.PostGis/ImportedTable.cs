namespace ParkGis.PostGis;

/// <summary>One table written by <see cref="PgDatasetImporter"/>.</summary>
/// <param name="Role">The role name, which is also the table name.</param>
/// <param name="Source">Where the layer came from (<c>parks.shp</c>).</param>
/// <param name="Rows">Rows copied.</param>
/// <param name="Srid">The SRID of its geometry column.</param>
public sealed record ImportedTable(string Role, string Source, long Rows, int Srid);
