using ParkGis.Core.Data;
using ParkGis.Core.Errors;
using ParkGis.IO.Configuration;
using ParkGis.IO.Formats;

namespace ParkGis.IO.Datasets;

/// <summary>
/// Finds the layers of a dataset folder (top level only): first the roles parkgis.json maps to a
/// <c>source</c>; then files whose base name is a role or alias (<c>.geojson .json .shp .gpkg</c>,
/// <c>.dxf .kml .tab .csv .txt</c> and <c>.gdb</c> folders, case-insensitive); then the feature tables named after
/// roles in other GeoPackages and FileGDB folders. Two claims on one role are PG0103. GDAL is loaded only when a
/// .gdb folder has to be listed here, or when a GDAL layer is read.
/// </summary>
internal static class DatasetDiscovery
{
    private static readonly string[] LayerExtensions = [".geojson", ".json", ".shp", ".gpkg", ".gdb", ".dxf", ".kml", ".tab", ".csv", ".txt"];

    public static DatasetLayout Discover(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!Directory.Exists(folder))
        {
            var what = File.Exists(folder) ? "is a file, not a folder" : "does not exist";
            throw new UnusableInputException(
                ErrorCodes.DatasetNotFound,
                $"The dataset folder {folder} {what}.",
                folder,
                hint: "Pass the folder that holds parks.geojson / parks.shp / layers.gpkg.");
        }

        var root = Path.GetFullPath(folder);
        var files = Directory.EnumerateFiles(root)
            .Concat(Directory.EnumerateDirectories(root).Where(path => path.EndsWith(".gdb", StringComparison.OrdinalIgnoreCase)))
            .Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();
        var configurationFile = files.FirstOrDefault(name => string.Equals(name, ParkGisConfiguration.FileName, StringComparison.OrdinalIgnoreCase));
        var configuration = configurationFile is null ? null : ParkGisConfiguration.Load(Checked(root, configurationFile));

        var found = new Dictionary<LayerRole, LayerLocation>();
        var usedFiles = new HashSet<string>(StringComparer.Ordinal);
        var configuredRoles = new HashSet<LayerRole>();
        if (configuration is not null)
        {
            foreach (var role in LayerRoles.All)
            {
                if (configuration.For(role) is { } settings && (settings.Source is not null || settings.Layer is not null))
                {
                    var location = FromConfiguration(root, files, role, settings);
                    found.Add(role, location);
                    usedFiles.Add(Path.GetFileName(location.FilePath));
                    configuredRoles.Add(role);
                }
            }
        }

        foreach (var name in files)
        {
            var extension = LayerExtension(name);
            if (extension is null || string.Equals(name, configurationFile, StringComparison.Ordinal))
            {
                continue;
            }

            var path = Path.Combine(root, name);
            var baseName = name[..^extension.Length];
            if (LayerRoles.TryParse(baseName, out var role))
            {
                if (configuredRoles.Contains(role))
                {
                    continue;
                }

                Checked(root, name);
                var table = extension is ".gpkg" or ".gdb" ? SingleLayerTable(path, name, role, extension) : null;
                Claim(found, new LayerLocation(role, table is null ? name : $"{name}:{table}", FormatOf(extension), path, table, configuration?.For(role)));
                usedFiles.Add(name);
            }
            else if (extension is ".gpkg" or ".gdb")
            {
                Checked(root, name);
                foreach (var table in Tables(path, name, extension))
                {
                    if (LayerRoles.TryParse(table, out var tableRole) && !configuredRoles.Contains(tableRole))
                    {
                        Claim(found, new LayerLocation(tableRole, $"{name}:{table}", FormatOf(extension), path, table, configuration?.For(tableRole)));
                        usedFiles.Add(name);
                    }
                }
            }
        }

        var layers = LayerRoles.All.Where(found.ContainsKey).Select(role => found[role]).ToList();
        var ignored = files.Where(name =>
                !usedFiles.Contains(name)
                && !string.Equals(name, configurationFile, StringComparison.Ordinal)
                && !IsCompanionOfUsed(name, usedFiles))
            .ToList();
        return new DatasetLayout(root, layers, ignored, configuration);
    }

    private static LayerLocation FromConfiguration(string root, List<string> files, LayerRole role, LayerConfiguration settings)
    {
        var roleName = LayerRoles.Name(role);
        string name;
        if (settings.Source is { } source)
        {
            name = files.FirstOrDefault(file => string.Equals(file, source, StringComparison.Ordinal))
                ?? files.FirstOrDefault(file => string.Equals(file, source, StringComparison.OrdinalIgnoreCase))
                ?? throw InvalidConfiguration(
                    $"parkgis.json: layers.{roleName}.source names \"{source}\", which is not a file in the dataset folder.",
                    Available(files));
        }
        else
        {
            // "layer" without "source": the folder's only GeoPackage.
            var packages = files.Where(file => string.Equals(LayerExtension(file), ".gpkg", StringComparison.Ordinal)).ToList();
            if (packages.Count != 1)
            {
                throw InvalidConfiguration(
                    $"parkgis.json: layers.{roleName} names the layer \"{settings.Layer}\" but no source, and the folder has {packages.Count} GeoPackages.",
                    $"Add \"source\": \"<file>.gpkg\" to layers.{roleName}.");
            }

            name = packages[0];
        }

        var extension = LayerExtension(name) ?? throw InvalidConfiguration(
            $"parkgis.json: layers.{roleName}.source \"{name}\" is not a format ParkGis reads.",
            "Use a .geojson, .json, .shp, .gpkg, .gdb, .dxf, .kml, .tab, .csv or .txt source.");
        var path = Checked(root, name);
        if (extension is ".dxf" or ".kml" or ".tab" or ".csv")
        {
            // GDAL sources: "layer" picks one of several layers (a KML with folders); checked when read.
            return new LayerLocation(role, settings.Layer is null ? name : $"{name}:{settings.Layer}", FormatOf(extension), path, settings.Layer, settings);
        }

        if (extension is not ".gpkg" and not ".gdb")
        {
            if (settings.Layer is not null)
            {
                throw InvalidConfiguration(
                    $"parkgis.json: layers.{roleName}.layer is set, but {name} is not a GeoPackage.",
                    "\"layer\" names a table inside a .gpkg, .gdb or other GDAL source; remove it for this format.");
            }

            return new LayerLocation(role, name, FormatOf(extension), path, null, settings);
        }

        var tables = Tables(path, name, extension);
        string table;
        if (settings.Layer is { } wanted)
        {
            table = tables.FirstOrDefault(candidate => string.Equals(candidate, wanted, StringComparison.Ordinal))
                ?? tables.FirstOrDefault(candidate => string.Equals(candidate, wanted, StringComparison.OrdinalIgnoreCase))
                ?? throw InvalidConfiguration(
                    $"parkgis.json: layers.{roleName}.layer names \"{wanted}\", which is not a feature table of {name}.",
                    "Its feature tables are: " + (tables.Count == 0 ? "(none)" : string.Join(", ", tables)) + ".");
        }
        else
        {
            table = TableForRole(tables, role) ?? throw InvalidConfiguration(
                $"parkgis.json: layers.{roleName}.source is {name}, which has {tables.Count} feature tables and none named {roleName}.",
                $"Add \"layer\": \"<table>\" to layers.{roleName}; the tables are: {string.Join(", ", tables)}.");
        }

        return new LayerLocation(role, $"{name}:{table}", FormatOf(extension), path, table, settings);
    }

    /// <summary>
    /// The full path of a file of the folder once it has passed <see cref="DatasetFiles.RequireInside"/>: inside the
    /// dataset after symlinks, a regular file (a FileGDB a folder); checked before anything opens it.
    /// </summary>
    private static string Checked(string root, string name)
    {
        var path = Path.Combine(root, name);
        var isFileGdb = name.EndsWith(".gdb", StringComparison.OrdinalIgnoreCase);
        DatasetFiles.RequireInside(root, path, name, folderAllowed: isFileGdb);
        if (isFileGdb && Directory.Exists(path))
        {
            DatasetFiles.RequireCompanionsInside(path);
        }

        return path;
    }

    /// <summary>The table of a GeoPackage named after a role (<c>parks.gpkg</c>): the role's table, or its only table.</summary>
    private static string SingleLayerTable(string path, string name, LayerRole role, string extension)
    {
        var tables = Tables(path, name, extension);
        return TableForRole(tables, role) ?? throw new UnusableInputException(
            ErrorCodes.UnreadableInput,
            $"{name} is named after the role {LayerRoles.Name(role)} but has {tables.Count} feature tables and none of that name.",
            name,
            hint: tables.Count == 0
                ? "The GeoPackage holds no feature table; re-export the layer."
                : $"Name the table {LayerRoles.Name(role)}, or map it in parkgis.json: \"{LayerRoles.Name(role)}\": {{ \"source\": \"{name}\", \"layer\": \"{tables[0]}\" }}.");
    }

    private static IReadOnlyList<string> Tables(string path, string name, string extension) => extension == ".gdb"
        ? OgrLayerReader.LayerNames(path, name, LayerFormats.FileGdb)
        : GeoPackageLayerReader.FeatureTables(path, name);

    private static string? TableForRole(IReadOnlyList<string> tables, LayerRole role)
    {
        foreach (var table in tables)
        {
            if (LayerRoles.TryParse(table, out var tableRole) && tableRole == role)
            {
                return table;
            }
        }

        return tables.Count == 1 ? tables[0] : null;
    }

    private static void Claim(Dictionary<LayerRole, LayerLocation> found, LayerLocation location)
    {
        if (found.TryGetValue(location.Role, out var existing))
        {
            var roleName = LayerRoles.Name(location.Role);
            throw new UnusableInputException(
                ErrorCodes.DuplicateRole,
                $"Two layers claim the role {roleName}: {existing.Source} and {location.Source}.",
                location.Source,
                hint: $"Remove or rename one of them, or choose one in parkgis.json: {{ \"layers\": {{ \"{roleName}\": {{ \"source\": \"{Path.GetFileName(existing.FilePath)}\" }} }} }}.");
        }

        found.Add(location.Role, location);
    }

    private static bool IsCompanionOfUsed(string name, HashSet<string> usedFiles)
    {
        if (LayerExtension(name) is not null)
        {
            return false;
        }

        foreach (var used in usedFiles)
        {
            var stem = Path.GetFileNameWithoutExtension(used);
            if (name.Length > stem.Length && name[stem.Length] == '.' && name.StartsWith(stem, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static string? LayerExtension(string name)
    {
        foreach (var extension in LayerExtensions)
        {
            if (name.Length > extension.Length && name.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                return extension;
            }
        }

        return null;
    }

    private static string FormatOf(string extension) => extension switch
    {
        ".shp" => LayerFormats.Shapefile,
        ".gpkg" => LayerFormats.GeoPackage,
        ".gdb" => LayerFormats.FileGdb,
        ".dxf" => LayerFormats.Dxf,
        ".kml" => LayerFormats.Kml,
        ".tab" => LayerFormats.MapInfo,
        ".csv" => LayerFormats.Csv,
        ".txt" => LayerFormats.CoordinateTxt,
        _ => LayerFormats.GeoJson,
    };

    private static string Available(List<string> files)
    {
        var layers = files.Where(file => LayerExtension(file) is not null && !string.Equals(file, ParkGisConfiguration.FileName, StringComparison.OrdinalIgnoreCase)).ToList();
        return layers.Count == 0 ? "The folder holds no .geojson, .json, .shp, .gpkg, .gdb, .dxf, .kml, .tab, .csv or .txt layer." : "Layer files in the folder: " + string.Join(", ", layers) + ".";
    }

    private static UnusableInputException InvalidConfiguration(string message, string hint) =>
        new(ErrorCodes.InvalidConfiguration, message, ParkGisConfiguration.FileName, hint: hint);
}
