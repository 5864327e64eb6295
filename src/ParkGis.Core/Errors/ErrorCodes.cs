namespace ParkGis.Core.Errors;

/// <summary>
/// Stable codes of <see cref="UnusableInputException"/> (exit code 3), catalogued in docs/errors.md.
/// PG01xx: the dataset and its files; PG02xx: coordinate systems; PG03xx: configuration; PG04xx: output;
/// PG05xx: the PostGIS database.
/// </summary>
public static class ErrorCodes
{
    /// <summary>The dataset folder does not exist or is not a folder.</summary>
    public const string DatasetNotFound = "PG0101";

    /// <summary>A layer that the command needs is missing.</summary>
    public const string RequiredLayerMissing = "PG0102";

    /// <summary>Two files or layers claim the same role.</summary>
    public const string DuplicateRole = "PG0103";

    /// <summary>A file could not be read: truncated, empty, corrupt or not the format its name says.</summary>
    public const string UnreadableInput = "PG0104";

    /// <summary>A shapefile lacks a companion file (.shx, .dbf).</summary>
    public const string MissingCompanionFile = "PG0105";

    /// <summary>A text encoding (.cpg, DBF language byte) is not supported.</summary>
    public const string UnknownEncoding = "PG0106";

    /// <summary>A layer needs GDAL (FileGDB, DXF, KML, MapInfo, CSV) and libgdal is not installed.</summary>
    public const string GdalMissing = "PG0107";

    /// <summary>A feature a command needs whole (the park of boundary-points) has no usable polygon.</summary>
    public const string UnusableGeometry = "PG0109";

    /// <summary>An input path is not a regular file after symlinks are resolved (a FIFO, a device, a socket, a folder).</summary>
    public const string NotRegularFile = "PG0110";

    /// <summary>A file the dataset names (layer, companion, parkgis.json, economics table) resolves outside the dataset folder.</summary>
    public const string OutsideDataset = "PG0111";

    /// <summary>No park of the parks layer can be analysed: the layer is empty, or every park is empty, not a polygon or invalid.</summary>
    public const string NoAnalysablePark = "PG0112";

    /// <summary>A layer has no CRS and none can be inferred.</summary>
    public const string MissingCrs = "PG0201";

    /// <summary>The CRS is not one ParkGis supports (see docs/data-model.md).</summary>
    public const string UnsupportedCrs = "PG0202";

    /// <summary>Coordinates cannot be in the CRS they claim (lon/lat swapped, absurd values).</summary>
    public const string ImplausibleCoordinates = "PG0203";

    /// <summary>The zone prefix of the eastings contradicts the declared CRS (.prj, 带号).</summary>
    public const string ZonePrefixMismatch = "PG0204";

    /// <summary>A park id given on the command line is not in the parks layer.</summary>
    public const string UnknownPark = "PG0108";

    /// <summary>parkgis.json is malformed or names something that does not exist.</summary>
    public const string InvalidConfiguration = "PG0301";

    /// <summary>
    /// A <c>--rules</c> file (scorecard, infrastructure, intensity) is missing, malformed, names an unknown indicator
    /// or utility, or holds an impossible value (a share of 30 for 0.30).
    /// </summary>
    public const string InvalidRules = "PG0302";

    /// <summary>The output folder exists and is not empty; pass --overwrite or choose another.</summary>
    public const string OutputExists = "PG0401";

    /// <summary>The output folder cannot be written.</summary>
    public const string OutputNotWritable = "PG0402";

    /// <summary>The output folder is an input or lies under one, or would replace an input (a --rules file in it).</summary>
    public const string OutputInsideInput = "PG0403";

    /// <summary>
    /// Standard output cannot be written (its disk is full, or it is a pipe whose reader has gone, as with
    /// <c>| head</c>): the run's printed results are incomplete, so it stops and writes no file.
    /// </summary>
    public const string StdoutNotWritable = "PG0404";

    /// <summary>The vector tiles would exceed the tile-count or size limit (export --max-tiles, --max-tiles-mb).</summary>
    public const string TileLimitExceeded = "PG0410";

    /// <summary><c>report --pdf</c>: no Chromium is installed to print the report with.</summary>
    public const string PdfBrowserMissing = "PG0411";

    /// <summary><c>report --pdf</c>: Chromium ran but did not print the report.</summary>
    public const string PdfPrintFailed = "PG0412";

    /// <summary><c>serve</c> cannot listen on the address and port asked for (in use, not an address of this machine).</summary>
    public const string CannotListen = "PG0420";

    /// <summary><c>serve</c>: the output folder holds nothing to serve (no WGS84 GeoJSON layer, tile archive or report).</summary>
    public const string NothingToServe = "PG0421";

    /// <summary>The database server cannot be reached (host, port, network, server down).</summary>
    public const string DatabaseUnreachable = "PG0501";

    /// <summary>The database refused the login (wrong user or password, pg_hba.conf).</summary>
    public const string DatabaseLoginRefused = "PG0502";

    /// <summary>The database named in the connection string does not exist.</summary>
    public const string DatabaseNotFound = "PG0503";

    /// <summary>The PostGIS extension is not installed in the database.</summary>
    public const string PostGisMissing = "PG0504";

    /// <summary>A schema or table the command needs does not exist.</summary>
    public const string DatabaseObjectMissing = "PG0505";

    /// <summary>A schema, table or run id is not an acceptable identifier (quotes, semicolons, control characters…).</summary>
    public const string InvalidIdentifier = "PG0506";

    /// <summary>An import target table exists already; pass --overwrite to replace it.</summary>
    public const string TableExists = "PG0507";

    /// <summary>A <c>pg:</c> connection string is malformed.</summary>
    public const string InvalidConnectionString = "PG0508";

    /// <summary>The database failed a statement or dropped the connection during the run; nothing was changed.</summary>
    public const string DatabaseFailure = "PG0509";

    /// <summary>The database user lacks a privilege the command needs.</summary>
    public const string DatabasePermissionDenied = "PG0510";

    /// <summary>An unexpected failure inside ParkGis (exit code 4): a defect to report, not an input problem.</summary>
    public const string InternalError = "PG0999";
}
