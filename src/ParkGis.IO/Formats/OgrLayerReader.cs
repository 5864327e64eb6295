using System.Globalization;
using NetTopologySuite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using ParkGis.Core.Crs;
using ParkGis.Core.Data;
using ParkGis.Core.Errors;
using ParkGis.Gdal;
using ParkGis.IO.Localization;

namespace ParkGis.IO.Formats;

/// <summary>
/// Reads a layer of any vector source GDAL opens (<see cref="OgrSource"/>): FileGDB folders, DXF, KML, MapInfo
/// TAB, CSV with a WKT column. libgdal is loaded only here, so datasets without such files never need it. The
/// CRS is the source's (its EPSG code when GDAL identifies one, else its WKT), then <see cref="LayerCrsResolver"/>'s
/// fall-backs. Curves are linearised; geometries come through WKB.
/// </summary>
internal static class OgrLayerReader
{
    private static readonly string[] CsvOpenOptions = ["GEOM_POSSIBLE_NAMES=WKT,wkt,geometry,geom,GEOMETRY", "KEEP_GEOM_COLUMNS=NO"];

    /// <summary>The layer names of a source (for a .gdb folder's layers found by role).</summary>
    public static IReadOnlyList<string> LayerNames(string path, string inputName, string format)
    {
        using var source = Open(path, inputName, format);
        return source.LayerNames();
    }

    public static SourceLayer Read(LayerReadRequest request, string format)
    {
        Datasets.DatasetFiles.RequireCompanionsInside(request.FilePath);
        using var source = Open(request.FilePath, request.InputName, format);
        var names = source.LayerNames();
        var layerName = request.TableName ?? SingleLayer(names, request);
        if (!names.Contains(layerName, StringComparer.Ordinal))
        {
            throw new UnusableInputException(
                ErrorCodes.InvalidConfiguration,
                Localized.Format("ConfiguredLayerMissing", layerName, Path.GetFileName(request.FilePath)),
                request.InputName,
                hint: Localized.Format("LayersAre", names.Count == 0 ? Localized.Get("None") : string.Join(", ", names)));
        }
        var content = source.ReadLayer(layerName);
        if (!content.HasGeometryField)
        {
            throw new UnusableInputException(
                ErrorCodes.UnreadableInput,
                Localized.Format("NoGeometryColumn", request.InputName),
                request.InputName,
                hint: format == LayerFormats.Csv
                    ? Localized.Get("CsvNeedsWktHint")
                    : Localized.Get("ExportWithGeometryHint"));
        }

        var issues = new List<DataIssue>();
        var reader = new WKBReader(NtsGeometryServices.Instance);
        var schema = new AttributeSchema(content.FieldNames);
        var features = new List<SourceFeature>(content.Features.Count);
        var ordinal = 0;
        foreach (var record in content.Features)
        {
            ordinal++;
            Geometry geometry;
            try
            {
                if (record.Wkb is { } wkb)
                {
                    WkbNesting.Check(wkb);
                    geometry = reader.Read(wkb);
                }
                else
                {
                    geometry = NtsGeometryServices.Instance.CreateGeometryFactory().CreateGeometryCollection();
                }
            }
            catch (Exception exception) when (exception is ParseException or ArgumentException or IOException or InvalidOperationException)
            {
                throw new UnusableInputException(
                    ErrorCodes.UnreadableInput,
                    Localized.Format("OgrFeatureGeometryUnreadable", request.InputName, ordinal, exception.Message),
                    request.InputName,
                    "#" + ordinal.ToString(CultureInfo.InvariantCulture),
                    Localized.Get("OgrFeatureGeometryHint"),
                    exception);
            }

            features.Add(new SourceFeature(ordinal, geometry, new AttributeRow(schema, record.Values)));
        }

        var crs = LayerCrsResolver.Resolve(request, () => DeclaredCrs(content, request), features);
        foreach (var feature in features)
        {
            feature.Geometry.SRID = crs.Epsg;
        }

        return new SourceLayer(crs, features, issues);
    }

    private static OgrSource Open(string path, string inputName, string format)
    {
        try
        {
            return OgrSource.Open(path, format == LayerFormats.Csv ? CsvOpenOptions : null);
        }
        catch (GdalUnavailableException exception)
        {
            throw new UnusableInputException(
                ErrorCodes.GdalMissing,
                Localized.Format("GdalMissing", inputName, format, exception.Message),
                inputName,
                hint: Localized.Format("GdalMissingHint", GdalLibrary.DebianPackage, GdalLibrary.PathVariable),
                inner: exception);
        }
        catch (OgrException exception)
        {
            throw new UnusableInputException(
                ErrorCodes.UnreadableInput,
                Localized.Format("OgrUnreadable", inputName, format, exception.Message),
                inputName,
                hint: Localized.Get("InputUnreadableHint"),
                inner: exception);
        }
    }

    private static string SingleLayer(IReadOnlyList<string> names, LayerReadRequest request)
    {
        foreach (var name in names)
        {
            if (string.Equals(name, request.RoleName, StringComparison.OrdinalIgnoreCase))
            {
                return name;
            }
        }

        if (names.Count == 1)
        {
            return names[0];
        }

        throw new UnusableInputException(
            ErrorCodes.UnreadableInput,
            Localized.Format("OgrNoRoleLayer", request.InputName, names.Count, request.RoleName),
            request.InputName,
            hint: names.Count == 0
                ? Localized.Get("OgrNoLayerHint")
                : Localized.Format("OgrChooseLayerHint", string.Join(", ", names), request.RoleName, Path.GetFileName(request.FilePath), names[0]));
    }

    private static CrsDefinition? DeclaredCrs(OgrLayerContent content, LayerReadRequest request)
    {
        if (content.Epsg is { } epsg && CrsRegistry.FromEpsg(epsg) is { } identified)
        {
            return identified;
        }

        if (content.SpatialReferenceWkt is not { Length: > 0 } wkt)
        {
            return null;
        }

        return CrsRegistry.FromWkt(wkt) ?? throw new UnusableInputException(
            ErrorCodes.UnsupportedCrs,
            content.Epsg is { } code
                ? Localized.Format("OgrUnsupportedEpsg", request.InputName, code)
                : Localized.Format("OgrUnsupportedCrs", request.InputName, WktName(wkt)),
            request.InputName,
            hint: Localized.Get("OgrReprojectHint"));
    }

    private static string WktName(string wkt)
    {
        var start = wkt.IndexOf('"', StringComparison.Ordinal);
        var end = start < 0 ? -1 : wkt.IndexOf('"', start + 1);
        return end > start ? wkt[(start + 1)..end] : wkt[..Math.Min(60, wkt.Length)];
    }

}
