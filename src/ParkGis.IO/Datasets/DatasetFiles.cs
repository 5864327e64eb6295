using System.Runtime.InteropServices;
using ParkGis.Core.Errors;
using ParkGis.IO.Localization;

namespace ParkGis.IO.Datasets;

/// <summary>
/// The two rules every file ParkGis reads must pass before it is opened: it is a regular file after symlinks are
/// resolved (a FIFO would block the read forever, <c>/dev/zero</c> never ends; PG0110), and a file a dataset
/// names — a layer, a shapefile companion, parkgis.json, the economics table — resolves inside the dataset folder
/// (a symlink or a <c>../</c> or absolute name pointing elsewhere could copy any readable file into the outputs or
/// an error message; PG0111). Messages name paths only, never content.
/// </summary>
/// <remarks>
/// Paths are resolved by <see cref="Files.RealPath"/> (the one rule, shared with the output folder's guard); on Linux
/// the file type comes from libc's <c>statx</c> (not visible through .NET's file APIs); elsewhere every existing
/// non-directory counts as a regular file.
/// </remarks>
internal static partial class DatasetFiles
{
    /// <summary>
    /// Throws PG0110 unless <paramref name="path"/> resolves to a regular file (or, with
    /// <paramref name="folderAllowed"/>, a folder such as a FileGDB <c>.gdb</c>).
    /// </summary>
    /// <param name="path">The path to check.</param>
    /// <param name="inputName">The name used in the message (<c>parks.geojson</c>).</param>
    /// <param name="folderAllowed">True when a folder is an acceptable answer.</param>
    public static void RequireRegular(string path, string inputName, bool folderAllowed = false)
    {
        var kind = KindOf(path);
        if (kind == FileKind.Regular || (folderAllowed && kind == FileKind.Folder))
        {
            return;
        }

        var what = kind switch
        {
            FileKind.Missing => Localized.Get("FileKindMissing"),
            FileKind.Folder => Localized.Get("FileKindFolder"),
            FileKind.Fifo => Localized.Get("FileKindFifo"),
            FileKind.CharacterDevice or FileKind.BlockDevice => Localized.Get("FileKindDevice"),
            FileKind.Socket => Localized.Get("FileKindSocket"),
            _ => Localized.Get("FileKindOther"),
        };
        throw new UnusableInputException(
            ErrorCodes.NotRegularFile,
            Localized.Format("NotRegularFile", inputName, what),
            inputName,
            hint: Localized.Get("NotRegularFileHint"));
    }

    /// <summary>
    /// Throws PG0111 unless <paramref name="path"/>, with every symlink resolved, lies inside the folder
    /// <paramref name="root"/> (itself resolved); then PG0110 unless it is a regular file. A path that does not
    /// exist passes the first test (the caller reports it as missing).
    /// </summary>
    /// <param name="root">The dataset folder.</param>
    /// <param name="path">The path to check.</param>
    /// <param name="inputName">The name used in the message.</param>
    /// <param name="folderAllowed">True when a folder is an acceptable answer.</param>
    public static void RequireInside(string root, string path, string inputName, bool folderAllowed = false)
    {
        var resolvedRoot = Existing(root) ?? Path.GetFullPath(root);
        var resolved = Existing(path);
        if (resolved is not null && !Files.RealPath.IsSameOrUnder(resolved, resolvedRoot))
        {
            throw new UnusableInputException(
                ErrorCodes.OutsideDataset,
                Localized.Format("OutsideDataset", inputName, resolved, resolvedRoot),
                inputName,
                hint: Localized.Get("OutsideDatasetHint"));
        }

        if (resolved is not null)
        {
            RequireRegular(path, inputName, folderAllowed);
        }
    }

    /// <summary>
    /// <see cref="RequireInside"/> for what a GDAL driver may open next to a layer: every file of a FileGDB
    /// <c>.gdb</c> folder, or every file beside a layer file that shares its base name (MapInfo <c>.dat</c>,
    /// <c>.map</c>, <c>.id</c>, …), since GDAL opens those itself.
    /// </summary>
    /// <param name="layerPath">The layer file or <c>.gdb</c> folder, inside the dataset folder.</param>
    public static void RequireCompanionsInside(string layerPath)
    {
        var trimmed = Path.TrimEndingDirectorySeparator(layerPath);
        var root = Path.GetDirectoryName(trimmed) ?? ".";
        if (Directory.Exists(trimmed))
        {
            foreach (var file in Directory.EnumerateFiles(trimmed))
            {
                RequireInside(root, file, Path.GetRelativePath(root, file));
            }

            return;
        }

        var stem = Path.GetFileNameWithoutExtension(trimmed);
        foreach (var file in Directory.EnumerateFiles(root))
        {
            var name = Path.GetFileName(file);
            if (name.Length > stem.Length && name[stem.Length] == '.' && name.StartsWith(stem, StringComparison.OrdinalIgnoreCase))
            {
                RequireInside(root, file, name);
            }
        }
    }

    /// <summary>The canonical path of an existing file or folder (<see cref="Files.RealPath.Of"/>), or null when it does not exist.</summary>
    private static string? Existing(string path) =>
        File.Exists(path) || Directory.Exists(path) ? Files.RealPath.Of(path) : null;

    private static FileKind KindOf(string path)
    {
        if (OperatingSystem.IsLinux())
        {
            return LibC.Kind(path);
        }

        return Directory.Exists(path) ? FileKind.Folder : File.Exists(path) ? FileKind.Regular : FileKind.Missing;
    }

    private enum FileKind
    {
        Missing,
        Regular,
        Folder,
        Fifo,
        CharacterDevice,
        BlockDevice,
        Socket,
        Other,
    }

    /// <summary>The two libc calls .NET has no equivalent for (glibc 2.28+ for statx).</summary>
    private static unsafe partial class LibC
    {
        private const string Library = "libc.so.6";
        private const int AtFdCwd = -100;
        private const uint StatxType = 0x0001;
        private const int StatxModeOffset = 28;
        private const int StatxSize = 256;

        [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
        private static partial int statx(int directory, string path, int flags, uint mask, byte* buffer);

        /// <summary>The type of what a path finally points to (symlinks followed).</summary>
        public static FileKind Kind(string path)
        {
            var buffer = stackalloc byte[StatxSize];
            if (statx(AtFdCwd, path, 0, StatxType, buffer) != 0)
            {
                return FileKind.Missing;
            }

            var mode = *(ushort*)(buffer + StatxModeOffset) & 0xF000;
            return mode switch
            {
                0x8000 => FileKind.Regular,
                0x4000 => FileKind.Folder,
                0x1000 => FileKind.Fifo,
                0x2000 => FileKind.CharacterDevice,
                0x6000 => FileKind.BlockDevice,
                0xC000 => FileKind.Socket,
                _ => FileKind.Other,
            };
        }
    }
}
