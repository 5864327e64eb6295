using ParkGis.Core.Crs;
using ParkGis.Core.Data;

namespace ParkGis.PostGis;

/// <summary>A table of a pg: dataset that plays a layer role.</summary>
/// <param name="Role">The role.</param>
/// <param name="Schema">Its schema (validated).</param>
/// <param name="Table">Its name (validated).</param>
/// <param name="GeometryColumn">The geometry column from geometry_columns.</param>
/// <param name="Crs">The CRS from the column's SRID, or from the configuration when the SRID is 0.</param>
/// <param name="OrderColumn">The single-column primary key that orders features, or null (physical order).</param>
/// <param name="FieldMap">Canonical field name → column, from parkgis_config.</param>
internal sealed record PgLayerTable(
    LayerRole Role,
    string Schema,
    string Table,
    string GeometryColumn,
    CrsDefinition Crs,
    string? OrderColumn,
    IReadOnlyDictionary<string, string> FieldMap)
{
    /// <summary><c>"schema"."table"</c>.</summary>
    public string QualifiedName => PgIdentifier.Qualified(Schema, Table);

    /// <summary>How the layer is named in messages: <c>schema.table</c>.</summary>
    public string Source => $"{Schema}.{Table}";

    /// <summary>Column → attribute for the columns an import renamed (<see cref="PgColumnNames"/>); empty for the others.</summary>
    public IReadOnlyDictionary<string, string> RenamedColumns { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The attribute a column holds: its recorded name when the import renamed it, else the column's own name.</summary>
    public string AttributeOf(string column) => RenamedColumns.TryGetValue(column, out var attribute) ? attribute : column;

    /// <summary>
    /// For a table partitioned over postgres_fdw foreign tables (a sharded dataset), its partitions, one per shard;
    /// the shard's copies of the other layers sit in the same local schema. Empty for an ordinary table.
    /// </summary>
    public IReadOnlyList<PgShard> Shards { get; init; } = [];

    /// <summary><c>ORDER BY "pk"</c> or empty.</summary>
    public string OrderBy => OrderColumn is null ? string.Empty : " ORDER BY " + PgIdentifier.QuoteColumn(OrderColumn);
}

/// <summary>A foreign partition of a sharded table: the local schema and table that show it, and its foreign server.</summary>
internal sealed record PgShard(string Schema, string Table, string Server)
{
    /// <summary>The partition, schema-qualified.</summary>
    public string QualifiedName => PgIdentifier.Qualified(Schema, Table);

    /// <summary>The shard's copy of another table, as seen on the coordinator.</summary>
    public string Reference(string table) => PgIdentifier.Qualified(Schema, table);
}
