using ParkGis.Core.Errors;

namespace ParkGis.IO.Output;

/// <summary>
/// Writes a command's results all-or-nothing: files go to a hidden temporary folder beside the destination
/// and are moved into place only by <see cref="Commit"/>; disposing without committing deletes them, so a
/// failed run leaves no half-written results. An existing destination that holds files other than the ones
/// this command writes is only written into with <c>overwrite</c>.
/// </summary>
public sealed class OutputFolder : IDisposable
{
    private readonly IReadOnlySet<string> _ownedNames;
    private bool _committed;

    private OutputFolder(string destination, string staging, IReadOnlySet<string> ownedNames)
    {
        Destination = destination;
        Staging = staging;
        _ownedNames = ownedNames;
    }

    /// <summary>The final folder.</summary>
    public string Destination { get; }

    /// <summary>The temporary folder files are written to until <see cref="Commit"/>.</summary>
    public string Staging { get; }

    /// <summary>Starts writing results for <paramref name="destination"/>.</summary>
    /// <param name="destination">The output folder the user named.</param>
    /// <param name="ownedNames">File names this command writes (replaced without asking on a re-run).</param>
    /// <param name="overwrite">Allow writing into a folder that holds other files.</param>
    /// <exception cref="UnusableInputException">The folder holds other files, or cannot be written.</exception>
    public static OutputFolder Begin(string destination, IEnumerable<string> ownedNames, bool overwrite)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(destination);
        var full = Path.GetFullPath(destination);
        var owned = new HashSet<string>(ownedNames, StringComparer.Ordinal);
        if (File.Exists(full))
        {
            throw new UnusableInputException(ErrorCodes.OutputExists, $"The output path {destination} is a file, not a folder.", destination,
                hint: "Choose a folder name for --out.");
        }

        if (Directory.Exists(full) && !overwrite)
        {
            var foreign = Directory.EnumerateFileSystemEntries(full).Select(Path.GetFileName).FirstOrDefault(n => n is not null && !owned.Contains(n));
            if (foreign is not null)
            {
                throw new UnusableInputException(ErrorCodes.OutputExists,
                    $"The output folder {destination} already holds other files (e.g. {foreign}).", destination,
                    hint: "Choose an empty or new folder, or pass --overwrite to write into it anyway.");
            }
        }

        var parent = Path.GetDirectoryName(full) ?? full;
        var staging = Path.Combine(parent, $".{Path.GetFileName(full)}.parkgis-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(staging);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UnusableInputException(ErrorCodes.OutputNotWritable, $"Cannot create the output folder {destination}: {e.Message}", destination,
                hint: "Check that the parent folder exists and is writable.", inner: e);
        }

        return new OutputFolder(full, staging, owned);
    }

    /// <summary>The staging path of an output file (must be one of the owned names).</summary>
    public string PathOf(string fileName)
    {
        if (!_ownedNames.Contains(fileName))
        {
            throw new ArgumentException($"{fileName} is not a file this command declared.", nameof(fileName));
        }

        return Path.Combine(Staging, fileName);
    }

    /// <summary>Moves every written file into the destination.</summary>
    public void Commit()
    {
        try
        {
            if (!Directory.Exists(Destination))
            {
                Directory.Move(Staging, Destination);
            }
            else
            {
                foreach (var file in Directory.EnumerateFiles(Staging))
                {
                    File.Move(file, Path.Combine(Destination, Path.GetFileName(file)), overwrite: true);
                }

                Directory.Delete(Staging, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UnusableInputException(ErrorCodes.OutputNotWritable, $"Cannot write the output folder {Destination}: {e.Message}", Destination,
                hint: "Check free disk space and permissions.", inner: e);
        }

        _committed = true;
    }

    /// <summary>Deletes the staging folder unless committed.</summary>
    public void Dispose()
    {
        if (!_committed && Directory.Exists(Staging))
        {
            try
            {
                Directory.Delete(Staging, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a leftover hidden staging folder is harmless and named as ours.
            }
        }
    }
}
