using System.Runtime.InteropServices;

namespace ParkGis.Gdal;

/// <summary>
/// The few functions of GDAL's OGR C API (gdal.h, ogr_api.h, ogr_srs_api.h, cpl_error.h) ParkGis calls.
/// Resolved through <see cref="GdalLibrary"/>, which loads libgdal lazily on first use.
/// </summary>
/// <remarks>
/// Strings going in are UTF-8 (GDAL's file names and options are UTF-8 on Linux); strings coming out are owned
/// by GDAL and only copied, except those from <see cref="OSRExportToWkt"/>, which are freed with
/// <see cref="VSIFree"/>.
/// </remarks>
internal static partial class OgrNative
{
    /// <summary>Name under which the P/Invoke declarations are resolved (see <see cref="GdalLibrary"/>).</summary>
    public const string LibraryName = "gdal";

    public const uint GdalOfReadonly = 0x00;
    public const uint GdalOfVector = 0x04;
    public const uint GdalOfVerboseError = 0x40;

    public const int OftInteger = 0;
    public const int OftReal = 2;
    public const int OftString = 4;
    public const int OftDate = 9;
    public const int OftDateTime = 11;
    public const int OftInteger64 = 12;

    public const int WkbNdr = 1;

    public const int WkbUnknown = 0;
    public const int WkbPoint = 1;
    public const int WkbMultiLineString = 5;
    public const int WkbMultiPolygon = 6;

    /// <summary>OAMS_TRADITIONAL_GIS_ORDER: x = longitude / easting whatever the CRS's axis order.</summary>
    public const int TraditionalGisOrder = 0;

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr GDALGetDriverByName(string name);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr GDALCreate(IntPtr driver, string path, int xSize, int ySize, int bands, int dataType, IntPtr options);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr GDALDatasetCreateLayer(IntPtr dataset, string name, IntPtr spatialReference, int geometryType, IntPtr options);

    [LibraryImport(LibraryName)]
    public static partial int GDALDatasetStartTransaction(IntPtr dataset, int force);

    [LibraryImport(LibraryName)]
    public static partial int GDALDatasetCommitTransaction(IntPtr dataset);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr OSRNewSpatialReference(string? wkt);

    [LibraryImport(LibraryName)]
    public static partial int OSRImportFromEPSG(IntPtr spatialReference, int code);

    [LibraryImport(LibraryName)]
    public static partial void OSRSetAxisMappingStrategy(IntPtr spatialReference, int strategy);

    [LibraryImport(LibraryName)]
    public static partial void OSRDestroySpatialReference(IntPtr spatialReference);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr OGR_Fld_Create(string name, int type);

    [LibraryImport(LibraryName)]
    public static partial void OGR_Fld_SetWidth(IntPtr field, int width);

    [LibraryImport(LibraryName)]
    public static partial void OGR_Fld_SetPrecision(IntPtr field, int precision);

    [LibraryImport(LibraryName)]
    public static partial void OGR_Fld_Destroy(IntPtr field);

    [LibraryImport(LibraryName)]
    public static partial int OGR_L_CreateField(IntPtr layer, IntPtr field, int approxOk);

    [LibraryImport(LibraryName)]
    public static partial int OGR_L_CreateFeature(IntPtr layer, IntPtr feature);

    [LibraryImport(LibraryName)]
    public static partial IntPtr OGR_F_Create(IntPtr definition);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    public static partial void OGR_F_SetFieldString(IntPtr feature, int index, string value);

    [LibraryImport(LibraryName)]
    public static partial void OGR_F_SetFieldDouble(IntPtr feature, int index, double value);

    [LibraryImport(LibraryName)]
    public static partial void OGR_F_SetFieldInteger64(IntPtr feature, int index, long value);

    [LibraryImport(LibraryName)]
    public static partial void OGR_F_SetFieldDateTime(IntPtr feature, int index, int year, int month, int day, int hour, int minute, int second, int timeZoneFlag);

    [LibraryImport(LibraryName)]
    public static partial int OGR_F_SetGeometryDirectly(IntPtr feature, IntPtr geometry);

    [LibraryImport(LibraryName)]
    public static unsafe partial int OGR_G_CreateFromWkb(byte* wkb, IntPtr spatialReference, IntPtr* geometry, int bytes);

    [LibraryImport(LibraryName)]
    public static partial void OGRRegisterAll();

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr GDALOpenEx(string path, uint flags, IntPtr allowedDrivers, IntPtr openOptions, IntPtr siblingFiles);

    [LibraryImport(LibraryName)]
    public static partial void GDALClose(IntPtr dataset);

    [LibraryImport(LibraryName)]
    public static partial int GDALDatasetGetLayerCount(IntPtr dataset);

    [LibraryImport(LibraryName)]
    public static partial IntPtr GDALDatasetGetLayer(IntPtr dataset, int index);

    [LibraryImport(LibraryName)]
    public static partial IntPtr GDALGetDatasetDriver(IntPtr dataset);

    [LibraryImport(LibraryName)]
    public static partial IntPtr GDALGetDriverShortName(IntPtr driver);

    [LibraryImport(LibraryName)]
    public static partial IntPtr OGR_L_GetName(IntPtr layer);

    [LibraryImport(LibraryName)]
    public static partial IntPtr OGR_L_GetSpatialRef(IntPtr layer);

    [LibraryImport(LibraryName)]
    public static partial void OGR_L_ResetReading(IntPtr layer);

    [LibraryImport(LibraryName)]
    public static partial IntPtr OGR_L_GetNextFeature(IntPtr layer);

    [LibraryImport(LibraryName)]
    public static partial IntPtr OGR_L_GetLayerDefn(IntPtr layer);

    [LibraryImport(LibraryName)]
    public static partial int OGR_FD_GetFieldCount(IntPtr definition);

    [LibraryImport(LibraryName)]
    public static partial IntPtr OGR_FD_GetFieldDefn(IntPtr definition, int index);

    [LibraryImport(LibraryName)]
    public static partial int OGR_FD_GetGeomFieldCount(IntPtr definition);

    [LibraryImport(LibraryName)]
    public static partial IntPtr OGR_Fld_GetNameRef(IntPtr field);

    [LibraryImport(LibraryName)]
    public static partial int OGR_Fld_GetType(IntPtr field);

    [LibraryImport(LibraryName)]
    public static partial IntPtr OGR_F_GetGeometryRef(IntPtr feature);

    [LibraryImport(LibraryName)]
    public static partial int OGR_F_IsFieldSetAndNotNull(IntPtr feature, int index);

    [LibraryImport(LibraryName)]
    public static partial IntPtr OGR_F_GetFieldAsString(IntPtr feature, int index);

    [LibraryImport(LibraryName)]
    public static partial long OGR_F_GetFieldAsInteger64(IntPtr feature, int index);

    [LibraryImport(LibraryName)]
    public static partial double OGR_F_GetFieldAsDouble(IntPtr feature, int index);

    [LibraryImport(LibraryName)]
    public static partial void OGR_F_Destroy(IntPtr feature);

    [LibraryImport(LibraryName)]
    public static partial int OGR_G_WkbSize(IntPtr geometry);

    [LibraryImport(LibraryName)]
    public static partial int OGR_G_HasCurveGeometry(IntPtr geometry, int lookForNonLinear);

    [LibraryImport(LibraryName)]
    public static partial IntPtr OGR_G_GetLinearGeometry(IntPtr geometry, double maxAngleStepSizeDegrees, IntPtr options);

    [LibraryImport(LibraryName)]
    public static partial void OGR_G_DestroyGeometry(IntPtr geometry);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    public static partial void CPLSetConfigOption(string key, string? value);

    [LibraryImport(LibraryName)]
    public static unsafe partial int OGR_G_ExportToWkb(IntPtr geometry, int byteOrder, byte* buffer);

    [LibraryImport(LibraryName)]
    public static unsafe partial int OSRExportToWkt(IntPtr spatialReference, IntPtr* wkt);

    [LibraryImport(LibraryName)]
    public static partial int OSRAutoIdentifyEPSG(IntPtr spatialReference);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr OSRGetAuthorityName(IntPtr spatialReference, string? targetKey);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr OSRGetAuthorityCode(IntPtr spatialReference, string? targetKey);

    [LibraryImport(LibraryName)]
    public static partial IntPtr OSRClone(IntPtr spatialReference);

    [LibraryImport(LibraryName)]
    public static partial void OSRRelease(IntPtr spatialReference);

    [LibraryImport(LibraryName)]
    public static partial IntPtr CPLGetLastErrorMsg();

    [LibraryImport(LibraryName)]
    public static partial void CPLErrorReset();

    /// <summary>Installs GDAL's process-wide error handler (here <c>CPLQuietErrorHandler</c>); returns the previous one.</summary>
    [LibraryImport(LibraryName)]
    public static partial IntPtr CPLSetErrorHandler(IntPtr handler);

    [LibraryImport(LibraryName)]
    public static partial void VSIFree(IntPtr pointer);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr CSLAddString(IntPtr list, string value);

    [LibraryImport(LibraryName)]
    public static partial void CSLDestroy(IntPtr list);

    /// <summary>A copy of a GDAL-owned UTF-8 string, or null.</summary>
    public static string? Text(IntPtr utf8) => utf8 == IntPtr.Zero ? null : Marshal.PtrToStringUTF8(utf8);
}
