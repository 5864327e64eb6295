using System.Globalization;
using NetTopologySuite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using ParkGis.Core.Crs;
using ParkGis.Core.Data;
using ParkGis.Core.Errors;
using ParkGis.Gdal;

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
                $"parkgis.json names the layer \"{layerName}\", which {Path.GetFileName(request.FilePath)} does not have.",
                request.InputName,
                hint: "Its layers are: " + (names.Count == 0 ? "(none)" : string.Join(", ", names)) + ".");
        }
        var content = source.ReadLayer(layerName);
        if (!content.HasGeometryField)
        {
            throw new UnusableInputException(
                ErrorCodes.UnreadableInput,
                $"{request.InputName} has no geometry column.",
                request.InputName,
                hint: format == LayerFormats.Csv
                    ? "A CSV layer needs its geometry as WKT in a column named WKT (e.g. POLYGON((…)))."
                    : "Export the layer with its geometry.");
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
                    $"{request.InputName}: the geometry of feature #{ordinal} cannot be read ({exception.Message}).",
                    request.InputName,
                    "#" + ordinal.ToString(CultureInfo.InvariantCulture),
                    "Repair or delete that feature and export the layer again.",
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
                $"{inputName} is a {format} layer, which ParkGis reads through GDAL, and libgdal is not installed ({exception.Message}).",
                inputName,
                hint: $"Install it (Debian/Ubuntu: apt-get install {GdalLibrary.DebianPackage}), set {GdalLibrary.PathVariable} to the libgdal file, "
                    + "or convert the layer to GeoPackage or GeoJSON elsewhere. GeoJSON, shapefiles and GeoPackages work without GDAL.",
                inner: exception);
        }
        catch (OgrException exception)
        {
            throw new UnusableInputException(
                ErrorCodes.UnreadableInput,
                $"{inputName} cannot be read as {format}: {exception.Message}",
                inputName,
                hint: "Check that the file is complete and not open in another program; re-export it if it is damaged.",
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
            string.Create(CultureInfo.InvariantCulture, $"{request.InputName} has {names.Count} layers and none named {request.RoleName}."),
            request.InputName,
            hint: names.Count == 0
                ? "The source holds no layer; re-export it."
                : $"Its layers are: {string.Join(", ", names)}. Choose one in parkgis.json: \"{request.RoleName}\": {{ \"source\": \"{Path.GetFileName(request.FilePath)}\", \"layer\": \"{names[0]}\" }}.");
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
                ? string.Create(CultureInfo.InvariantCulture, $"{request.InputName} is in EPSG:{code}, which ParkGis does not support.")
                : $"{request.InputName} is in the CRS \"{WktName(wkt)}\", which ParkGis does not support.",
            request.InputName,
            hint: "Reproject to CGCS2000 (EPSG:4490) or a CGCS2000 Gauss-Krüger zone (EPSG:4491–4554), e.g. with ogr2ogr -t_srs EPSG:4545, or set \"crs\" for the layer in parkgis.json if the declared CRS is wrong.");
    }

    private static string WktName(string wkt)
    {
        var start = wkt.IndexOf('"', StringComparison.Ordinal);
        var end = start < 0 ? -1 : wkt.IndexOf('"', start + 1);
        return end > start ? wkt[(start + 1)..end] : wkt[..Math.Min(60, wkt.Length)];
    }

}
