using System.Globalization;
using System.Text;

namespace ParkGis.IO.Output;

/// <summary>
/// Whether a folder is a mount point (a Docker volume mounted as <c>--out</c>, a bind mount): then it lies on
/// another file system than its parent folder, so nothing can be renamed between the two and the folder cannot be
/// swapped. Read from <c>/proc/self/mountinfo</c> on Linux; elsewhere no folder is taken for one.
/// </summary>
internal static class MountPoints
{
    /// <summary>True when <paramref name="realFolder"/> (canonical) is a mount point.</summary>
    public static bool Contains(string realFolder)
    {
        const string table = "/proc/self/mountinfo";
        if (!OperatingSystem.IsLinux() || !File.Exists(table))
        {
            return false;
        }

        try
        {
            return File.ReadLines(table).Select(MountPointOf).Any(point => string.Equals(point, realFolder, StringComparison.Ordinal));
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>The mount point (field 5) of a mountinfo line, its octal escapes (<c>\040</c> for a space) decoded.</summary>
    internal static string MountPointOf(string line)
    {
        var field = line.Split(' ') is { Length: > 4 } fields ? fields[4] : string.Empty;
        if (!field.Contains('\\', StringComparison.Ordinal))
        {
            return field;
        }

        var bytes = new List<byte>();
        for (var i = 0; i < field.Length; i++)
        {
            if (field[i] == '\\' && i + 3 < field.Length && int.TryParse(field.AsSpan(i + 1, 3), NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                bytes.Add(Convert.ToByte(field.Substring(i + 1, 3), 8));
                i += 3;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(field[i].ToString()));
            }
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }
}
