using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ParkGis.IO.Output;

/// <summary>
/// The hidden folder beside an output folder (inside it when it is a mount point) where one run stages its results:
/// <c>.NAME.parkgis-PID-START-ID</c>, the name itself marking the run that made it (process id and start
/// time, see <see cref="ProcessStamp"/>), with <c>run.json</c> adding the machine. It holds <c>new/</c> (the
/// results being written), <c>old/</c> (the previous results while a commit replaces them) and the
/// <see cref="CommitJournal"/>. Staging folders of runs that died (killed, crashed, machine reset) are recovered
/// and removed by the next run into the same parent folder; those of live runs, and of other machines sharing
/// the folder, are never touched.
/// </summary>
internal sealed partial class StagingFolder
{
    private const string RunFileName = "run.json";

    // The run that made the folder; a folder named by ParkGis before names carried the start time has only a process id.
    private readonly ProcessStamp _owner;
    private readonly bool _legacy;

    private StagingFolder(string path, ProcessStamp owner, bool legacy)
    {
        FullPath = path;
        _owner = owner;
        _legacy = legacy;
    }

    /// <summary>The staging folder.</summary>
    public string FullPath { get; }

    /// <summary>Where the run writes its results.</summary>
    public string NewFiles => Path.Combine(FullPath, "new");

    /// <summary>Where a commit moves the results it replaces until it is done.</summary>
    public string OldFiles => Path.Combine(FullPath, "old");

    /// <summary>Creates the staging folder of this process for the output folder <paramref name="name"/> in <paramref name="parent"/>.</summary>
    public static StagingFolder Create(string parent, string name)
    {
        var stamp = ProcessStamp.Current;
        var path = Path.Combine(parent, string.Create(CultureInfo.InvariantCulture, $".{Shortened(name)}.parkgis-{stamp.ProcessId}-{stamp.StartTime}-{Guid.NewGuid():N}"));
        Directory.CreateDirectory(path);
        var staging = new StagingFolder(path, stamp, legacy: false);
        using (var stream = File.Create(Path.Combine(path, RunFileName)))
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteNumber("pid", stamp.ProcessId);
            writer.WriteNumber("start", stamp.StartTime);
            writer.WriteString("machine", Environment.MachineName);
            writer.WriteString("destination", name);
            writer.WriteEndObject();
        }

        Directory.CreateDirectory(staging.NewFiles);
        return staging;
    }

    /// <summary>
    /// Recovers and removes the staging folders in <paramref name="parent"/> whose run is dead: an unfinished
    /// commit is undone (or, when marked committed, finished), then the folder is deleted. Call under the
    /// parent's <see cref="FolderLock"/>.
    /// </summary>
    public static void RecoverDeadRuns(string parent)
    {
        IEnumerable<string> candidates;
        try
        {
            candidates = Directory.EnumerateDirectories(parent, ".*.parkgis-*").ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }

        foreach (var path in candidates)
        {
            if (Parse(path) is { } staging && staging.IsOfDeadRunOnThisMachine())
            {
                staging.Recover(parent);
            }
        }
    }

    /// <summary>Undoes an unfinished commit of this staging folder (see <see cref="CommitJournal.RollBack"/>), then deletes the folder.</summary>
    /// <returns>False when the commit could not be undone: the folder is then kept, since it may hold the previous results.</returns>
    public bool Recover(string parent)
    {
        try
        {
            if (!CommitJournal.IsCommitted(FullPath) && CommitJournal.Read(FullPath) is { } journal)
            {
                journal.RollBack(parent);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or InvalidOperationException or KeyNotFoundException)
        {
            return false;
        }

        return Delete();
    }

    /// <summary>Deletes the staging folder (best effort; a failure leaves it for the next run).</summary>
    public bool Delete()
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                if (Directory.Exists(FullPath))
                {
                    Directory.Delete(FullPath, recursive: true);
                }

                return true;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A file may still be created in it by a writer being interrupted: try again.
            }
        }

        return false;
    }

    /// <summary>
    /// The output folder's name as it appears in the staging folder's name: cut to 100 UTF-8 bytes, so that the
    /// staging folder of an output folder with a long (Chinese) name stays within the 255-byte limit of a name.
    /// </summary>
    private static string Shortened(string name)
    {
        const int MaxBytes = 100;
        var bytes = 0;
        var length = 0;
        foreach (var rune in name.EnumerateRunes())
        {
            bytes += rune.Utf8SequenceLength;
            if (bytes > MaxBytes)
            {
                break;
            }

            length += rune.Utf16SequenceLength;
        }

        return name[..length];
    }

    /// <summary>True for the name of a staging folder (of any run, this version's or an earlier one's).</summary>
    public static bool IsStagingName(string name) => NamePattern().IsMatch(name);

    private static StagingFolder? Parse(string path)
    {
        var match = NamePattern().Match(Path.GetFileName(path));
        if (!match.Success || !int.TryParse(match.Groups["pid"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
        {
            return null;
        }

        if (!match.Groups["start"].Success)
        {
            return new StagingFolder(path, new ProcessStamp(pid, 0), legacy: true);
        }

        return long.TryParse(match.Groups["start"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            ? new StagingFolder(path, new ProcessStamp(pid, start), legacy: false)
            : null;
    }

    private bool IsOfDeadRunOnThisMachine()
    {
        if (_legacy)
        {
            return !ProcessStamp.IsRunning(_owner.ProcessId);
        }

        try
        {
            var run = Path.Combine(FullPath, RunFileName);
            if (File.Exists(run))
            {
                using var document = JsonDocument.Parse(File.ReadAllBytes(run));
                if (!string.Equals(document.RootElement.GetProperty("machine").GetString(), Environment.MachineName, StringComparison.Ordinal))
                {
                    return false;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            // A run.json cut short by a kill: the name still identifies the run.
        }

        return !_owner.IsAlive();
    }

    [GeneratedRegex(@"^\..+\.parkgis-(?<pid>[0-9]+)(-(?<start>[0-9]+))?-[0-9a-f]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
