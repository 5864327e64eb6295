using ParkGis.Core.Crs;

namespace ParkGis.IO.Formats;

/// <summary>
/// A GeoPackage feature table outlined for reading in chunks (<see cref="GeoPackageLayerReader.ReadOutline"/>): every
/// row's rowid and box in rowid order and its id columns, with no geometry built.
/// </summary>
/// <param name="Crs">The table's CRS (known without its coordinates).</param>
/// <param name="FieldNames">Every attribute field of the table in table order.</param>
/// <param name="Rowids">Each row's rowid, in scan (rowid) order.</param>
/// <param name="Boxes">Each row's box as min x, min y, max x, max y; NaN for a row without geometry (or one a chunk will fail on).</param>
/// <param name="IdRows">Each row with only its id columns and an empty geometry, numbered from 1, for the id assigner.</param>
/// <param name="ForeignSrsIds">How many blobs carry another srs_id than their column's.</param>
/// <param name="FirstForeign">The ordinal of the first of them.</param>
/// <param name="FirstForeignSrsId">Its srs_id.</param>
/// <param name="ColumnSrsId">The geometry column's srs_id.</param>
/// <param name="Snapshot">
/// The connection and read transaction the outline was read in, for its chunks (<see cref="GeoPackageLayerReader.ReadChunk"/>):
/// owned by the caller, who disposes it after the last chunk or on failure.
/// </param>
internal sealed record GeoPackageOutline(
    CrsDefinition Crs, IReadOnlyList<string> FieldNames, long[] Rowids, double[] Boxes, List<SourceFeature> IdRows,
    int ForeignSrsIds, int FirstForeign, int FirstForeignSrsId, int ColumnSrsId, GeoPackageSnapshot Snapshot);
