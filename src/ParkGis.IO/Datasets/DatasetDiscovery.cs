using ParkGis.Core.Data;
using ParkGis.Core.Errors;
using ParkGis.IO.Configuration;
using ParkGis.IO.Formats;
using ParkGis.IO.Localization;

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
            throw new UnusableInputException(
                ErrorCodes.DatasetNotFound,
                Localized.Format(File.Exists(folder) ? "DatasetFolderIsFile" : "DatasetFolderMissing", folder),
                folder,
                hint: Localized.Get("DatasetFolderHint"));
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
                    Localized.Format("ConfiguredSourceMissing", roleName, source),
                    Available(files));
        }
        else
        {
            // "layer" without "source": the folder's only GeoPackage.
            var packages = files.Where(file => string.Equals(LayerExtension(file), ".gpkg", StringComparison.Ordinal)).ToList();
            if (packages.Count != 1)
            {
                throw InvalidConfiguration(
                    Localized.Format("ConfiguredLayerNoSource", roleName, settings.Layer, packages.Count),
                    Localized.Format("ConfiguredLayerNoSourceHint", roleName));
            }

            name = packages[0];
        }

        var extension = LayerExtension(name) ?? throw InvalidConfiguration(
            Localized.Format("ConfiguredSourceFormat", roleName, name),
            Localized.Get("ConfiguredSourceFormatHint"));
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
                    Localized.Format("ConfiguredLayerNotPackage", roleName, name),
                    Localized.Get("ConfiguredLayerNotPackageHint"));
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
                    Localized.Format("ConfiguredLayerNotTable", roleName, wanted, name),
                    Localized.Format("FeatureTablesAre", tables.Count == 0 ? Localized.Get("None") : string.Join(", ", tables)));
        }
        else
        {
            table = TableForRole(tables, role) ?? throw InvalidConfiguration(
                Localized.Format("ConfiguredSourceNoRoleTable", roleName, name, tables.Count, roleName),
                Localized.Format("ConfiguredSourceNoRoleTableHint", roleName, string.Join(", ", tables)));
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
            Localized.Format("PackageNoRoleTable", name, LayerRoles.Name(role), tables.Count),
            name,
            hint: tables.Count == 0
                ? Localized.Get("PackageNoFeatureTable")
                : Localized.Format("PackageNoRoleTableHint", LayerRoles.Name(role), LayerRoles.Name(role), name, tables[0]));
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
                Localized.Format("DuplicateRole", roleName, existing.Source, location.Source),
                location.Source,
                hint: Localized.Format("DuplicateRoleHint", roleName, Path.GetFileName(existing.FilePath)));
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
        return layers.Count == 0 ? Localized.Get("NoLayerFiles") : Localized.Format("LayerFilesInFolder", string.Join(", ", layers));
    }

    private static UnusableInputException InvalidConfiguration(string message, string hint) =>
        new(ErrorCodes.InvalidConfiguration, message, ParkGisConfiguration.FileName, hint: hint);
}
