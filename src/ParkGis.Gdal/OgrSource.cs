using System.Globalization;
using System.Runtime.InteropServices;

namespace ParkGis.Gdal;

/// <summary>
/// A vector source opened read-only through OGR (any driver libgdal has: OpenFileGDB for .gdb folders, DXF, KML,
/// MapInfo File, CSV, …). Not thread-safe; open one per thread. Dispose closes the GDAL dataset.
/// </summary>
public sealed class OgrSource : IDisposable
{
    private IntPtr _dataset;

    private OgrSource(IntPtr dataset, string driverName)
    {
        _dataset = dataset;
        DriverName = driverName;
    }

    /// <summary>The short name of the driver that opened the source (<c>OpenFileGDB</c>, <c>DXF</c>, …).</summary>
    public string DriverName { get; }

    /// <summary>Opens a file or folder read-only as vector data.</summary>
    /// <param name="path">The file or folder.</param>
    /// <param name="openOptions">Driver open options (<c>NAME=VALUE</c>), e.g. the CSV driver's <c>GEOM_POSSIBLE_NAMES</c>.</param>
    /// <exception cref="GdalUnavailableException">libgdal cannot be loaded.</exception>
    /// <exception cref="OgrException">GDAL cannot open the source as vector data.</exception>
    public static OgrSource Open(string path, IReadOnlyList<string>? openOptions = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        GdalLibrary.EnsureLoaded();
        var options = IntPtr.Zero;
        try
        {
            foreach (var option in openOptions ?? [])
            {
                options = OgrNative.CSLAddString(options, option);
            }

            OgrNative.CPLErrorReset();
            var dataset = OgrNative.GDALOpenEx(path, OgrNative.GdalOfVector | OgrNative.GdalOfReadonly, IntPtr.Zero, options, IntPtr.Zero);
            if (dataset == IntPtr.Zero)
            {
                throw new OgrException(LastError("GDAL cannot open it as vector data"));
            }

            var driver = OgrNative.Text(OgrNative.GDALGetDriverShortName(OgrNative.GDALGetDatasetDriver(dataset))) ?? "unknown";
            return new OgrSource(dataset, driver);
        }
        finally
        {
            if (options != IntPtr.Zero)
            {
                OgrNative.CSLDestroy(options);
            }
        }
    }

    /// <summary>The names of the source's layers, in GDAL's order.</summary>
    public IReadOnlyList<string> LayerNames()
    {
        var count = OgrNative.GDALDatasetGetLayerCount(Handle);
        var names = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            names.Add(OgrNative.Text(OgrNative.OGR_L_GetName(OgrNative.GDALDatasetGetLayer(Handle, i))) ?? string.Empty);
        }

        return names;
    }

    /// <summary>Reads every feature of a layer.</summary>
    /// <param name="layerName">A name from <see cref="LayerNames"/>.</param>
    /// <exception cref="ArgumentException">No layer has that name.</exception>
    public OgrLayerContent ReadLayer(string layerName)
    {
        var layer = FindLayer(layerName);
        var definition = OgrNative.OGR_L_GetLayerDefn(layer);
        var fieldCount = OgrNative.OGR_FD_GetFieldCount(definition);
        var names = new string[fieldCount];
        var types = new int[fieldCount];
        for (var i = 0; i < fieldCount; i++)
        {
            var field = OgrNative.OGR_FD_GetFieldDefn(definition, i);
            names[i] = OgrNative.Text(OgrNative.OGR_Fld_GetNameRef(field)) ?? string.Empty;
            types[i] = OgrNative.OGR_Fld_GetType(field);
        }

        var hasGeometry = OgrNative.OGR_FD_GetGeomFieldCount(definition) > 0;
        var (wkt, epsg) = SpatialReference(OgrNative.OGR_L_GetSpatialRef(layer));
        var features = new List<OgrFeatureRecord>();
        OgrNative.OGR_L_ResetReading(layer);
        while (true)
        {
            var feature = OgrNative.OGR_L_GetNextFeature(layer);
            if (feature == IntPtr.Zero)
            {
                break;
            }

            try
            {
                var values = new object?[fieldCount];
                for (var i = 0; i < fieldCount; i++)
                {
                    values[i] = FieldValue(feature, i, types[i]);
                }

                features.Add(new OgrFeatureRecord(Wkb(OgrNative.OGR_F_GetGeometryRef(feature)), values));
            }
            finally
            {
                OgrNative.OGR_F_Destroy(feature);
            }
        }

        return new OgrLayerContent(layerName, wkt, epsg, hasGeometry, names, features);
    }

    /// <summary>Closes the GDAL dataset.</summary>
    public void Dispose()
    {
        if (_dataset != IntPtr.Zero)
        {
            OgrNative.GDALClose(_dataset);
            _dataset = IntPtr.Zero;
        }
    }

    private IntPtr Handle => _dataset != IntPtr.Zero ? _dataset : throw new ObjectDisposedException(nameof(OgrSource));

    private IntPtr FindLayer(string layerName)
    {
        var count = OgrNative.GDALDatasetGetLayerCount(Handle);
        for (var i = 0; i < count; i++)
        {
            var layer = OgrNative.GDALDatasetGetLayer(Handle, i);
            if (string.Equals(OgrNative.Text(OgrNative.OGR_L_GetName(layer)), layerName, StringComparison.Ordinal))
            {
                return layer;
            }
        }

        throw new ArgumentException($"The source has no layer named {layerName}.", nameof(layerName));
    }

    private static unsafe (string? Wkt, int? Epsg) SpatialReference(IntPtr srs)
    {
        if (srs == IntPtr.Zero)
        {
            return (null, null);
        }

        string? wkt = null;
        IntPtr text = IntPtr.Zero;
        if (OgrNative.OSRExportToWkt(srs, &text) == 0 && text != IntPtr.Zero)
        {
            wkt = Marshal.PtrToStringUTF8(text);
        }

        if (text != IntPtr.Zero)
        {
            OgrNative.VSIFree(text);
        }

        // Identify on a clone: OSRAutoIdentifyEPSG may add an authority node to the object it is given.
        int? epsg = null;
        var clone = OgrNative.OSRClone(srs);
        if (clone != IntPtr.Zero)
        {
            try
            {
                _ = OgrNative.OSRAutoIdentifyEPSG(clone);
                if (string.Equals(OgrNative.Text(OgrNative.OSRGetAuthorityName(clone, null)), "EPSG", StringComparison.OrdinalIgnoreCase)
                    && int.TryParse(OgrNative.Text(OgrNative.OSRGetAuthorityCode(clone, null)), NumberStyles.None, CultureInfo.InvariantCulture, out var code))
                {
                    epsg = code;
                }
            }
            finally
            {
                OgrNative.OSRRelease(clone);
            }
        }

        return (wkt, epsg);
    }

    private static unsafe byte[]? Wkb(IntPtr geometry)
    {
        if (geometry == IntPtr.Zero)
        {
            return null;
        }

        // Arcs (DXF, FileGDB curves) are approximated by OGR's default step of 4 degrees.
        var linear = OgrNative.OGR_G_HasCurveGeometry(geometry, 1) != 0 ? OgrNative.OGR_G_GetLinearGeometry(geometry, 0, IntPtr.Zero) : IntPtr.Zero;
        try
        {
            var source = linear != IntPtr.Zero ? linear : geometry;
            var size = OgrNative.OGR_G_WkbSize(source);
            if (size <= 0)
            {
                return null;
            }

            var bytes = new byte[size];
            fixed (byte* buffer = bytes)
            {
                if (OgrNative.OGR_G_ExportToWkb(source, OgrNative.WkbNdr, buffer) != 0)
                {
                    throw new OgrException(LastError("GDAL cannot export a geometry as WKB"));
                }
            }

            return bytes;
        }
        finally
        {
            if (linear != IntPtr.Zero)
            {
                OgrNative.OGR_G_DestroyGeometry(linear);
            }
        }
    }

    private static object? FieldValue(IntPtr feature, int index, int type)
    {
        if (OgrNative.OGR_F_IsFieldSetAndNotNull(feature, index) == 0)
        {
            return null;
        }

        switch (type)
        {
            case OgrNative.OftInteger:
            case OgrNative.OftInteger64:
                return OgrNative.OGR_F_GetFieldAsInteger64(feature, index);
            case OgrNative.OftReal:
                return OgrNative.OGR_F_GetFieldAsDouble(feature, index);
            case OgrNative.OftDate:
                var text = OgrNative.Text(OgrNative.OGR_F_GetFieldAsString(feature, index));
                return DateOnly.TryParseExact(text, "yyyy'/'MM'/'dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : text;
            default:
                return OgrNative.Text(OgrNative.OGR_F_GetFieldAsString(feature, index));
        }
    }

    private static string LastError(string fallback)
    {
        var message = OgrNative.Text(OgrNative.CPLGetLastErrorMsg());
        return string.IsNullOrWhiteSpace(message) ? fallback : message.Trim();
    }
}
