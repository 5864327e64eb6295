using System.Globalization;

namespace ParkGis.Gdal;

/// <summary>
/// Creates a vector file of one layer through an OGR driver that can write (<c>ESRI Shapefile</c>, <c>GPKG</c>,
/// <c>OpenFileGDB</c>) and writes its features: geometry as little-endian WKB, attributes in field order (text as
/// UTF-8, which the shapefile driver recodes to the layer's <c>ENCODING</c>). One transaction where the driver has
/// them. Not thread-safe; dispose to close (and flush) the file.
/// </summary>
public sealed class OgrLayerWriter : IDisposable
{
    private readonly OgrLayerDefinition _definition;
    private IntPtr _dataset;
    private IntPtr _layer;
    private IntPtr _spatialReference;
    private bool _inTransaction;

    private OgrLayerWriter(OgrLayerDefinition definition) => _definition = definition;

    /// <summary>Creates <paramref name="path"/> with <paramref name="driver"/> and the layer of <paramref name="definition"/>.</summary>
    /// <exception cref="GdalUnavailableException">libgdal cannot be loaded.</exception>
    /// <exception cref="OgrException">GDAL cannot create the file, the layer or a field.</exception>
    public static OgrLayerWriter Create(string path, string driver, OgrLayerDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(driver);
        ArgumentNullException.ThrowIfNull(definition);
        GdalLibrary.EnsureLoaded();
        var writer = new OgrLayerWriter(definition);
        try
        {
            writer.Open(path, driver);
            return writer;
        }
        catch
        {
            writer.Dispose();
            throw;
        }
    }

    /// <summary>Writes one feature.</summary>
    /// <param name="wkb">The geometry as WKB, or null for none.</param>
    /// <param name="values">One value per field (null leaves the field unset): string, double, long/int, DateOnly.</param>
    /// <exception cref="OgrException">GDAL refuses the geometry or the feature.</exception>
    public unsafe void Write(byte[]? wkb, IReadOnlyList<object?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var feature = OgrNative.OGR_F_Create(OgrNative.OGR_L_GetLayerDefn(_layer));
        try
        {
            for (var i = 0; i < _definition.Fields.Count && i < values.Count; i++)
            {
                switch (values[i])
                {
                    case null:
                        break;
                    case DateOnly date:
                        OgrNative.OGR_F_SetFieldDateTime(feature, i, date.Year, date.Month, date.Day, 0, 0, 0, 0);
                        break;
                    case double number:
                        OgrNative.OGR_F_SetFieldDouble(feature, i, number);
                        break;
                    case long integer:
                        OgrNative.OGR_F_SetFieldInteger64(feature, i, integer);
                        break;
                    case int integer:
                        OgrNative.OGR_F_SetFieldInteger64(feature, i, integer);
                        break;
                    case string text:
                        OgrNative.OGR_F_SetFieldString(feature, i, text);
                        break;
                    case IFormattable formattable:
                        OgrNative.OGR_F_SetFieldString(feature, i, formattable.ToString(null, CultureInfo.InvariantCulture));
                        break;
                    default:
                        OgrNative.OGR_F_SetFieldString(feature, i, values[i]!.ToString() ?? string.Empty);
                        break;
                }
            }

            if (wkb is { Length: > 0 })
            {
                IntPtr geometry;
                OgrNative.CPLErrorReset();
                fixed (byte* bytes = wkb)
                {
                    if (OgrNative.OGR_G_CreateFromWkb(bytes, _spatialReference, &geometry, wkb.Length) != 0)
                    {
                        throw new OgrException(LastError("GDAL cannot read a geometry's WKB"));
                    }
                }

                OgrNative.OGR_F_SetGeometryDirectly(feature, geometry);
            }

            OgrNative.CPLErrorReset();
            if (OgrNative.OGR_L_CreateFeature(_layer, feature) != 0)
            {
                throw new OgrException(LastError("GDAL cannot write a feature"));
            }
        }
        finally
        {
            OgrNative.OGR_F_Destroy(feature);
        }
    }

    /// <summary>Commits and closes the file.</summary>
    public void Dispose()
    {
        if (_inTransaction)
        {
            _inTransaction = false;
            OgrNative.GDALDatasetCommitTransaction(_dataset);
        }

        if (_dataset != IntPtr.Zero)
        {
            OgrNative.GDALClose(_dataset);
            _dataset = IntPtr.Zero;
        }

        if (_spatialReference != IntPtr.Zero)
        {
            OgrNative.OSRRelease(_spatialReference);
            _spatialReference = IntPtr.Zero;
        }
    }

    private void Open(string path, string driverName)
    {
        var driver = OgrNative.GDALGetDriverByName(driverName);
        if (driver == IntPtr.Zero)
        {
            throw new OgrException($"libgdal has no {driverName} driver.");
        }

        OgrNative.CPLErrorReset();
        _dataset = OgrNative.GDALCreate(driver, path, 0, 0, 0, 0, IntPtr.Zero);
        if (_dataset == IntPtr.Zero)
        {
            throw new OgrException(LastError($"GDAL cannot create {Path.GetFileName(path)}"));
        }

        _spatialReference = OgrNative.OSRNewSpatialReference(null);
        if (OgrNative.OSRImportFromEPSG(_spatialReference, _definition.Epsg) != 0)
        {
            throw new OgrException(LastError($"GDAL does not know EPSG:{_definition.Epsg}"));
        }

        OgrNative.OSRSetAxisMappingStrategy(_spatialReference, OgrNative.TraditionalGisOrder);
        var options = IntPtr.Zero;
        try
        {
            foreach (var option in _definition.LayerOptions)
            {
                options = OgrNative.CSLAddString(options, option);
            }

            OgrNative.CPLErrorReset();
            _layer = OgrNative.GDALDatasetCreateLayer(_dataset, _definition.Name, _spatialReference, _definition.GeometryType, options);
        }
        finally
        {
            if (options != IntPtr.Zero)
            {
                OgrNative.CSLDestroy(options);
            }
        }

        if (_layer == IntPtr.Zero)
        {
            throw new OgrException(LastError($"GDAL cannot create the layer {_definition.Name}"));
        }

        foreach (var (name, kind) in _definition.Fields)
        {
            var field = OgrNative.OGR_Fld_Create(name, kind switch
            {
                OgrFieldKind.Real => OgrNative.OftReal,
                OgrFieldKind.Integer => OgrNative.OftInteger64,
                OgrFieldKind.Date => OgrNative.OftDate,
                _ => OgrNative.OftString,
            });
            try
            {
                if (kind == OgrFieldKind.Text)
                {
                    OgrNative.OGR_Fld_SetWidth(field, 254); // GisLayerWriter.DbfTextBytes: the DBF limit
                }
                else if (kind == OgrFieldKind.Real)
                {
                    OgrNative.OGR_Fld_SetWidth(field, 24);
                    OgrNative.OGR_Fld_SetPrecision(field, 6);
                }

                OgrNative.CPLErrorReset();
                if (OgrNative.OGR_L_CreateField(_layer, field, 0) != 0)
                {
                    throw new OgrException(LastError($"GDAL cannot create the field {name}"));
                }
            }
            finally
            {
                OgrNative.OGR_Fld_Destroy(field);
            }
        }

        _inTransaction = OgrNative.GDALDatasetStartTransaction(_dataset, 0) == 0;
    }

    private static string LastError(string fallback)
    {
        var message = OgrNative.Text(OgrNative.CPLGetLastErrorMsg());
        return string.IsNullOrWhiteSpace(message) ? fallback : $"{fallback}: {message.Trim()}";
    }
}
