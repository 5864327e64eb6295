namespace ParkGis.Core.Data;

/// <summary>Stable data-issue codes (catalogued in docs/errors.md).</summary>
public static class DataIssueCodes
{
    /// <summary>Geometry is not valid (self-intersection, ring problems); location and reason in the message.</summary>
    public const string InvalidGeometry = "invalid_geometry";

    /// <summary>Invalid geometry repaired by <c>--fix</c>; the message gives the area change.</summary>
    public const string GeometryRepaired = "geometry_repaired";

    /// <summary>Feature without geometry or with an empty one; skipped.</summary>
    public const string EmptyGeometry = "empty_geometry";

    /// <summary>Geometry that is not a polygon where polygons are required; skipped.</summary>
    public const string WrongGeometryType = "wrong_geometry_type";

    /// <summary>Two or more features share an id; all are kept, ids are suffixed.</summary>
    public const string DuplicateId = "duplicate_id";

    /// <summary>Feature without an id; its ordinal is used.</summary>
    public const string MissingId = "missing_id";

    /// <summary>The layer has no features.</summary>
    public const string EmptyLayer = "empty_layer";

    /// <summary>An optional layer is missing, so part of the check was not run.</summary>
    public const string MissingLayer = "missing_layer";

    /// <summary>Conflict polygons under the minimum area were left out of the patches.</summary>
    public const string SliversSuppressed = "slivers_suppressed";

    /// <summary>A shapefile's text encoding was not declared (.cpg, DBF language byte) and had to be guessed; the message says which.</summary>
    public const string EncodingGuessed = "encoding_guessed";

    /// <summary>A value could not be parsed (date, number); the feature's derived status is unknown.</summary>
    public const string UnparseableValue = "unparseable_value";

    /// <summary>A value a rule needs is empty (e.g. agreed_start of a supplied, unstarted parcel); the derived status is unknown.</summary>
    public const string MissingValue = "missing_value";

    /// <summary>A value is readable but outside its range (a ratio above 1); it is treated as unreadable.</summary>
    public const string ValueOutOfRange = "value_out_of_range";

    /// <summary>The features of one approval batch disagree on a batch attribute (approved_on, approval_no); the first is used.</summary>
    public const string InconsistentBatch = "inconsistent_batch";

    /// <summary>A record of a side table (economics.csv) names a parcel the parcels layer does not have; it was left out.</summary>
    public const string UnknownParcel = "unknown_parcel";

    /// <summary>An area or amount is negative; the value is not used.</summary>
    public const string NegativeValue = "negative_value";

    /// <summary>Some 标准地 / 控制指标 checks could not be made (a threshold not configured, a value missing): those parcels neither pass nor fail.</summary>
    public const string StandardLandIncomplete = "standard_land_incomplete";

    /// <summary>A value cannot be right (a footprint larger than the parcel's measured area); it is not used.</summary>
    public const string ImplausibleValue = "implausible_value";

    /// <summary>A value looks like the wrong unit (a share of 35 where 0.35 was meant); it is not used.</summary>
    public const string UnitMistake = "unit_mistake";

    /// <summary>The land-use codes come from both code lists (用地用海 and 三调); land-use indicators are not computed.</summary>
    public const string MixedLandUseCodes = "mixed_land_use_codes";

    /// <summary>No land-use code tells which code list the data uses; 用地用海 was assumed.</summary>
    public const string LandUseCodeListAssumed = "land_use_code_list_assumed";

    /// <summary>A parcel lies in no park (no park_id and inside no park boundary); it is left out of park figures.</summary>
    public const string ParcelWithoutPark = "parcel_without_park";

    /// <summary>A parcel's park_id names no analysed park; the parcel was placed in the park holding most of it.</summary>
    public const string UnknownParkId = "unknown_park_id";

    /// <summary>A coordinate TXT parcel declares a number of boundary points (界址点数) other than it lists; the listed points are used.</summary>
    public const string PointCountMismatch = "point_count_mismatch";

    /// <summary>A GeoJSON file is not UTF-8; it was decoded as GBK (the message says so).</summary>
    public const string NotUtf8 = "not_utf8";

    /// <summary>A layer had Z (elevation) or M (measure) ordinates; they were dropped, the analysis works in x/y.</summary>
    public const string ZmDropped = "z_m_dropped";

    /// <summary>GeoPackage geometry blobs carry an srs_id other than their column's; the column's CRS was used.</summary>
    public const string SridMismatch = "srid_mismatch";

    /// <summary>A shapefile's text does not fit the encoding its .cpg or DBF language byte declares; the message says what was used.</summary>
    public const string EncodingMismatch = "encoding_mismatch";

    /// <summary>A park could not be analysed (its geometry is empty, not a polygon, or invalid); it is missing from every figure.</summary>
    public const string ParkNotAnalysed = "park_not_analysed";

    /// <summary>A parcel has exactly the geometry of another (a duplicated or copied record); it is counted once, as the parcel with the smallest id.</summary>
    public const string DuplicateGeometry = "duplicate_geometry";

    /// <summary>Many parcels overlap on one spot (one overlaps more than 32 others); their overlap is counted once, their pairs are not counted.</summary>
    public const string ParcelStack = "parcel_stack";

    /// <summary>A park's banner attribute disagrees with the 旗区 of the banners layer it overlaps most; the layer's is used.</summary>
    public const string BannerMismatch = "banner_mismatch";

    /// <summary>A text value is not one of the values a rule recognises; the rule's catch-all applies (e.g. 第八条第（六）项).</summary>
    public const string UnrecognisedValue = "unrecognised_value";

    /// <summary>A date is a placeholder for "no date" (any day of 9999, 0001-01-01); it is read as empty.</summary>
    public const string PlaceholderDate = "placeholder_date";
}
