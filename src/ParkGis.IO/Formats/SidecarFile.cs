using System.Globalization;
using ParkGis.Core.Errors;
using ParkGis.IO.Localization;

namespace ParkGis.IO.Formats;

/// <summary>
/// Reads the one-line side files of a shapefile (.prj, .cpg): a few hundred bytes at most, so anything beyond
/// <see cref="MaxBytes"/> is not such a file and is refused (PG0104) instead of read into memory whole.
/// </summary>
internal static class SidecarFile
{
    /// <summary>The largest side file read (the longest ESRI .prj is under 2 KB).</summary>
    public const int MaxBytes = 64 << 10;

    /// <exception cref="UnusableInputException">The file is larger than <see cref="MaxBytes"/>.</exception>
    public static string ReadText(string path, string inputName)
    {
        var length = new FileInfo(path).Length;
        if (length > MaxBytes)
        {
            throw new UnusableInputException(
                ErrorCodes.UnreadableInput,
                Localized.Format("SidecarTooLong", Path.GetFileName(path), length, Path.GetExtension(path)),
                inputName,
                hint: Localized.Get("SidecarTooLongHint"));
        }

        return File.ReadAllText(path);
    }
}
