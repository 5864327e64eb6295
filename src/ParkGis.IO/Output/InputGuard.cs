using ParkGis.Core.Errors;
using ParkGis.IO.Files;
using ParkGis.IO.Localization;

namespace ParkGis.IO.Output;

/// <summary>
/// Keeps a command's output away from its inputs: the output folder may not be an input folder or lie under
/// one, and no file or folder the command would replace in it may be an input or hold one. Paths are compared
/// after resolving <c>..</c> and symbolic links (<see cref="RealPath"/>); a dataset folder's own entries that are
/// links are followed too, so a linked-in layer is protected where it really lives.
/// </summary>
internal sealed class InputGuard
{
    private readonly List<(string Real, string Shown, bool IsFolder)> _inputs = [];

    /// <summary>Protects <paramref name="inputs"/> (folders or files; paths that do not exist are skipped).</summary>
    public static InputGuard For(IEnumerable<string> inputs)
    {
        var guard = new InputGuard();
        foreach (var input in inputs.Where(i => !string.IsNullOrEmpty(i)))
        {
            if (!File.Exists(input) && !Directory.Exists(input))
            {
                continue;
            }

            var real = RealPath.Of(input);
            var isFolder = Directory.Exists(real);
            guard._inputs.Add((real, Shown(input), isFolder));
            if (!isFolder)
            {
                continue;
            }

            foreach (var entry in Directory.EnumerateFileSystemEntries(real))
            {
                if (new FileInfo(entry).LinkTarget is not null)
                {
                    guard._inputs.Add((RealPath.Of(entry), Path.Combine(Shown(input), Path.GetFileName(entry)), Directory.Exists(entry)));
                }
            }
        }

        return guard;
    }

    /// <summary>Throws PG0403 when writing <paramref name="names"/> into <paramref name="realDestination"/> could touch an input.</summary>
    /// <param name="shownDestination">The output folder as the user named it.</param>
    /// <param name="realDestination">The canonical output folder.</param>
    /// <param name="names">The names the command writes or replaces in it.</param>
    public void Check(string shownDestination, string realDestination, IEnumerable<string> names)
    {
        foreach (var (real, shown, isFolder) in _inputs)
        {
            if (RealPath.IsSameOrUnder(realDestination, real))
            {
                var relation = string.Equals(realDestination, real, RealPath.Comparison) ? Localized.Get("RelationIs") : Localized.Get("RelationIsInside");
                throw Refusal(Localized.Format("OutInsideInput", shownDestination, relation, shown), shown, isFolder);
            }
        }

        foreach (var name in names)
        {
            var target = Path.Combine(realDestination, name);
            foreach (var (real, shown, isFolder) in _inputs)
            {
                if (RealPath.IsSameOrUnder(real, target))
                {
                    var relation = string.Equals(target, real, RealPath.Comparison) ? Localized.Get("RelationIs") : Localized.Get("RelationHolds");
                    throw Refusal(Localized.Format("OutReplacesInput", shownDestination, name, relation, shown), shown, isFolder);
                }
            }
        }
    }

    private static UnusableInputException Refusal(string message, string input, bool isFolder) =>
        new(ErrorCodes.OutputInsideInput, message, input,
            hint: isFolder
                ? Localized.Format("OutInsideInputHint", input, input)
                : Localized.Format("OutReplacesInputHint", input));

    /// <summary>The input as the user named it (without a trailing separator), or its full path when that name is <c>.</c> or <c>..</c>.</summary>
    private static string Shown(string input)
    {
        var trimmed = Path.TrimEndingDirectorySeparator(input);
        return Path.GetFileName(trimmed) is "" or "." or ".." ? Path.TrimEndingDirectorySeparator(Path.GetFullPath(input)) : trimmed;
    }
}
