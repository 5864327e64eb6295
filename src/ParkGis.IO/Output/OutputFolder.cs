using System.Globalization;
using ParkGis.Core.Errors;
using ParkGis.IO.Files;
using ParkGis.IO.Localization;

namespace ParkGis.IO.Output;

/// <summary>
/// Writes a command's results into its output folder all-or-nothing, touching only what ParkGis wrote itself.
/// <list type="bullet">
/// <item>Never into or under an input: <see cref="Begin"/> refuses (PG0403) an output folder that is an input,
/// lies under one, or would replace one (<see cref="InputGuard"/>).</item>
/// <item>Only its own files: the manifest (<see cref="OutputManifest"/>) lists what ParkGis wrote; a result
/// replaces or deletes only listed, unchanged entries. Without <c>overwrite</c> the folder must hold nothing
/// else (PG0401); with it, other files may be there and are left alone, but one in the way of a result is
/// PG0401 all the same.</item>
/// <item>All or nothing, even under <c>kill -9</c>: files are written to a hidden <see cref="StagingFolder"/>
/// beside the output folder; <see cref="Commit()"/> validates every target, writes a <see cref="CommitJournal"/>
/// and renames the results into place; the next run into the same parent folder undoes a commit that was cut
/// short. A failed run deletes its staging folder and any folder it created.</item>
/// <item>Concurrent runs into one folder never mix: commits and recoveries take the parent folder's
/// <see cref="FolderLock"/>; the last commit wins whole.</item>
/// </list>
/// </summary>
public sealed class OutputFolder : IDisposable
{
    /// <summary>How long a run waits for another run that is committing into the same parent folder.</summary>
    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(2);

    /// <summary>Serialises commits with <see cref="Abandon"/> within this process.</summary>
    private static readonly Lock Gate = new();

    private static readonly HashSet<OutputFolder> Active = [];

    /// <summary>Test hook (<c>PARKGIS_TEST_COMMIT_STEP_MS</c>): a pause after the journal and after each rename of a commit, so that tests can kill a run inside it.</summary>
    private static readonly TimeSpan StepPause = TimeSpan.FromMilliseconds(
        int.TryParse(Environment.GetEnvironmentVariable("PARKGIS_TEST_COMMIT_STEP_MS"), NumberStyles.None, CultureInfo.InvariantCulture, out var ms) ? ms : 0);

    /// <summary>
    /// Test hook (<c>PARKGIS_TEST_KILL_AFTER_RENAMES</c>): the process kills itself (SIGKILL) after this many renames of a
    /// commit (0: right after writing the journal), or after marking the commit done (<c>committed</c>), so that tests can
    /// kill a run at every step of a commit.
    /// </summary>
    private static readonly string? KillPoint = Environment.GetEnvironmentVariable("PARKGIS_TEST_KILL_AFTER_RENAMES");

    private readonly string _realDestination;
    /// <summary>Where the staging folder lives: beside the output folder, or inside it when it is a mount point.</summary>
    private readonly string _stagingParent;
    private readonly StagingFolder _staging;
    private readonly IReadOnlySet<string> _ownedNames;
    private readonly bool _overwrite;
    private readonly InputGuard _inputs;
    private readonly IReadOnlyList<string> _createdFolders;
    private bool _committed;

    private OutputFolder(string destination, string realDestination, StagingFolder staging, IReadOnlySet<string> ownedNames, bool overwrite,
        InputGuard inputs, IReadOnlyList<string> createdFolders)
    {
        Destination = destination;
        _realDestination = realDestination;
        _stagingParent = Path.GetDirectoryName(staging.FullPath)!;
        _staging = staging;
        _ownedNames = ownedNames;
        _overwrite = overwrite;
        _inputs = inputs;
        _createdFolders = createdFolders;
    }

    /// <summary>The output folder as the user named it (absolute, without a trailing separator).</summary>
    public string Destination { get; }

    /// <summary>The folder the results are written to until <see cref="Commit()"/>.</summary>
    public string Staging => _staging.NewFiles;

    /// <summary>The hidden staging folder of this run (<see cref="Staging"/> and the commit's journal lie in it).</summary>
    public string StagingRoot => _staging.FullPath;

    /// <summary>
    /// False when the staging folder is no longer this run's folder — deleted, moved, or replaced by a file or a link
    /// (by another program, or with the output folder's parent) — before the commit; true after the commit.
    /// </summary>
    public bool IsStagingIntact
    {
        get
        {
            if (_committed)
            {
                return true;
            }

            try
            {
                return new DirectoryInfo(_staging.FullPath) is { Exists: true, LinkTarget: null }
                    && new DirectoryInfo(_staging.NewFiles) is { Exists: true, LinkTarget: null };
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return false;
            }
        }
    }

    /// <summary>Starts writing results for <paramref name="destination"/>; nothing in it changes before <see cref="Commit()"/>.</summary>
    /// <param name="destination">The output folder the user named.</param>
    /// <param name="ownedNames">
    /// The files and folders this command writes (a folder is a tree of the command's own files). Earlier
    /// results under these names that this run does not write again are deleted by the commit (they are stale).
    /// </param>
    /// <param name="overwrite">Also write into a folder that holds files ParkGis did not write (they stay untouched).</param>
    /// <param name="inputs">The run's input folders and files (dataset folder, rules file); the output never touches them.</param>
    /// <exception cref="UnusableInputException">PG0403 the output touches an input; PG0401 the folder holds other files or is a file; PG0402 it cannot be written.</exception>
    public static OutputFolder Begin(string destination, IEnumerable<string> ownedNames, bool overwrite, IEnumerable<string> inputs)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(destination);
        ArgumentNullException.ThrowIfNull(ownedNames);
        ArgumentNullException.ThrowIfNull(inputs);
        var owned = new HashSet<string>(ownedNames, StringComparer.Ordinal);
        var shown = Path.TrimEndingDirectorySeparator(Path.GetFullPath(destination));
        var real = Resolve(destination, shown);
        if (Path.GetDirectoryName(real) is not { } parent || Path.GetFileName(real).Length == 0)
        {
            throw new UnusableInputException(ErrorCodes.OutputExists, Localized.Format("OutIsRoot", shown), destination,
                hint: Localized.Get("OutIsRootHint"));
        }

        var guard = InputGuard.For(inputs);
        guard.Check(shown, real, [.. owned, OutputManifest.FileName]);
        if (File.Exists(real))
        {
            throw new UnusableInputException(ErrorCodes.OutputExists, Localized.Format("OutIsFile", shown), destination,
                hint: Localized.Get("OutIsFileHint"));
        }

        var created = CreateMissingFolders(parent, shown);
        OutputFolder folder;
        try
        {
            // A mount point (a Docker volume as --out) shares no file system with its parent: stage inside it.
            var stagingParent = Directory.Exists(real) && MountPoints.Contains(real) ? real : parent;

            // Lock order everywhere: the process's gate before the parent folder's lock (so never the gate in here).
            using (LockParent(stagingParent, shown))
            {
                StagingFolder.RecoverDeadRuns(stagingParent);
                if (!overwrite && FirstForeignEntry(real, owned) is { } foreign)
                {
                    throw OtherFiles(shown, foreign);
                }

                folder = new OutputFolder(shown, real, StagingFolder.Create(stagingParent, Path.GetFileName(real)), owned, overwrite, guard, created);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            RemoveCreated(created);
            throw NotWritable(shown, e);
        }
        catch
        {
            RemoveCreated(created);
            throw;
        }

        lock (Gate)
        {
            Active.Add(folder);
        }

        return folder;
    }

    /// <summary>The staging path of an output file or folder (one of the owned names).</summary>
    public string PathOf(string name)
    {
        if (!_ownedNames.Contains(name))
        {
            throw new ArgumentException($"{name} is not a file this command declared.", nameof(name));
        }

        return Path.Combine(Staging, name);
    }

    /// <summary>
    /// Creates and returns the staging path of an owned sub-folder (e.g. <c>tiles</c>): a tree of the command's own
    /// files, replaced as a whole by the commit and listed file by file in the manifest.
    /// </summary>
    public string FolderOf(string name)
    {
        var path = PathOf(name);
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Moves every written result into the output folder, all or nothing.</summary>
    /// <exception cref="UnusableInputException">PG0401/PG0402/PG0403; the output folder is then unchanged.</exception>
    public void Commit() => Commit(null);

    /// <summary>
    /// Moves every written result into the output folder, then runs <paramref name="afterSwitch"/> (e.g. a database
    /// COMMIT); when that throws, the files are moved back and the exception rethrown, so that either both the files
    /// and what <paramref name="afterSwitch"/> commits are new, or neither. A kill between the two is undone by the
    /// next run like any interrupted commit (the files roll back; a database transaction not yet committed is
    /// rolled back by the server).
    /// </summary>
    public void Commit(Action? afterSwitch)
    {
        lock (Gate)
        {
            ObjectDisposedException.ThrowIf(!Active.Contains(this), this);
            if (_committed)
            {
                throw new InvalidOperationException("The results were committed already.");
            }

            using (LockParent(_stagingParent, Destination))
            {
                StagingFolder.RecoverDeadRuns(_stagingParent);
                CommitJournal journal;
                try
                {
                    journal = Plan();
                    journal.Write(_staging.FullPath);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw NotWritable(Destination, e);
                }

                AfterRename(0);
                if (journal.Apply(_stagingParent, AfterRename) is { } failure)
                {
                    Undo(journal);
                    throw NotWritable(Destination, failure);
                }

                if (afterSwitch is not null)
                {
                    try
                    {
                        afterSwitch();
                    }
                    catch
                    {
                        Undo(journal);
                        throw;
                    }
                }

                CommitJournal.MarkCommitted(_staging.FullPath);
                _committed = true;
                KillHere("committed");
            }

            _staging.Delete();
            Active.Remove(this);
        }
    }

    /// <summary>Deletes the staging folder (and the folders <see cref="Begin"/> created) unless committed.</summary>
    public void Dispose()
    {
        lock (Gate)
        {
            if (!Active.Remove(this))
            {
                return;
            }

            Discard();
        }
    }

    /// <summary>
    /// For a signal handler: waits up to <paramref name="wait"/> for a commit in progress, then removes the staging
    /// folders of every uncommitted result of this process and keeps further commits from starting.
    /// </summary>
    /// <returns>False when a commit was still running after <paramref name="wait"/> (the next run recovers it).</returns>
    public static bool Abandon(TimeSpan wait)
    {
        if (!Gate.TryEnter(wait))
        {
            return false;
        }

        // The gate stays held: the process is about to exit and must not start a commit.
        foreach (var folder in Active.ToList())
        {
            Active.Remove(folder);
            folder.Discard();
        }

        return true;
    }

    private static void AfterRename(int done)
    {
        if (StepPause > TimeSpan.Zero)
        {
            Thread.Sleep(StepPause);
        }

        KillHere(done.ToString(CultureInfo.InvariantCulture));
    }

    private static void KillHere(string point)
    {
        if (KillPoint is not null && string.Equals(KillPoint, point, StringComparison.Ordinal))
        {
            using var self = System.Diagnostics.Process.GetCurrentProcess();
            self.Kill();
        }
    }

    /// <summary>Undoes a commit under the lock; when the undo itself fails, the journal stays and the next run finishes it.</summary>
    private void Undo(CommitJournal journal)
    {
        try
        {
            journal.RollBack(_stagingParent);
            CommitJournal.Discard(_staging.FullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left to StagingFolder.RecoverDeadRuns of the next run (this process is dead by then).
        }
    }

    private void Discard()
    {
        if (_committed)
        {
            return;
        }

        if (CommitJournal.IsPresent(_staging.FullPath))
        {
            // A commit whose undo failed: undo it now, or leave it to the next run.
            using var folderLock = FolderLock.TryAcquire(_stagingParent, TimeSpan.FromSeconds(5));
            if (folderLock is null || !_staging.Recover(_stagingParent))
            {
                return;
            }
        }
        else
        {
            _staging.Delete();
        }

        RemoveCreated(_createdFolders);
    }

    /// <summary>
    /// How to commit the staged results; validates every target first (nothing in the output folder changes here).
    /// A new output folder is one rename; one that holds only ParkGis's own files is swapped whole with the complete
    /// new folder (its other own files hard-linked in); one that also holds the user's files gets renames one by one.
    /// </summary>
    private CommitJournal Plan()
    {
        var real = Resolve(Destination, Destination);
        if (!string.Equals(real, _realDestination, RealPath.Comparison))
        {
            throw new UnusableInputException(ErrorCodes.OutputNotWritable, Localized.Format("OutMovedDuringRun", Destination), Destination,
                hint: Localized.Get("RunAgainHint"));
        }

        var produced = Directory.EnumerateFileSystemEntries(Staging).Select(p => Path.GetFileName(p)).Order(StringComparer.Ordinal).ToList();
        var undeclared = produced.FirstOrDefault(n => !_ownedNames.Contains(n));
        if (undeclared is not null)
        {
            throw new InvalidOperationException($"{undeclared} was written to the staging folder but is not one of the command's declared outputs.");
        }

        _inputs.Check(Destination, real, [.. _ownedNames, OutputManifest.FileName]);
        string Relative(string path) => Path.GetRelativePath(_stagingParent, path);
        var moves = new List<CommitMove>();
        var added = produced.SelectMany(n => OutputManifest.Describe(Staging, n)).ToList();
        var stagedManifest = Path.Combine(_staging.FullPath, OutputManifest.FileName);
        if (File.Exists(real))
        {
            throw new UnusableInputException(ErrorCodes.OutputExists, Localized.Format("OutIsFile", Destination), Destination,
                hint: Localized.Get("OutIsFileHint"));
        }

        if (!Directory.Exists(real))
        {
            OutputManifest.Read(Staging).After(Staging, new HashSet<string>(), added).Write(Path.Combine(Staging, OutputManifest.FileName));
            moves.Add(new CommitMove(Relative(Staging), Relative(real)));
            return CommitJournal.OfMoves(moves);
        }

        var manifestPath = Path.Combine(real, OutputManifest.FileName);
        if (Exists(manifestPath) && (new FileInfo(manifestPath).LinkTarget is not null || Directory.Exists(manifestPath)))
        {
            throw new UnusableInputException(ErrorCodes.OutputExists,
                Localized.Format("OutForeignManifest", Destination, OutputManifest.FileName), manifestPath,
                hint: Localized.Format("MoveOutOfOutHint", OutputManifest.FileName, Destination));
        }

        var manifest = OutputManifest.Read(real);
        if (!_overwrite && OtherEntries(real).FirstOrDefault(n => !_ownedNames.Contains(n)) is { } other)
        {
            throw OtherFiles(Destination, other);
        }

        var replaced = new HashSet<string>(StringComparer.Ordinal);
        Directory.CreateDirectory(_staging.OldFiles);
        foreach (var name in _ownedNames.Order(StringComparer.Ordinal))
        {
            var target = Path.Combine(real, name);
            var isProduced = produced.Contains(name, StringComparer.Ordinal);
            if (Exists(target))
            {
                if (manifest.FirstForeign(real, name) is { } notOurs)
                {
                    if (isProduced)
                    {
                        throw new UnusableInputException(ErrorCodes.OutputExists,
                            Localized.Format("OutForeignFile", Destination, notOurs),
                            Path.Combine(Destination, notOurs),
                            hint: Localized.Format("MoveOutOfOutHint", notOurs, Destination));
                    }

                    if (!_overwrite)
                    {
                        throw OtherFiles(Destination, notOurs);
                    }

                    // A name this run does not write, taken by the user's file: left alone.
                    continue;
                }

                moves.Add(new CommitMove(Relative(target), Relative(Path.Combine(_staging.OldFiles, name))));
                replaced.Add(name);
            }

            if (isProduced)
            {
                moves.Add(new CommitMove(Relative(Path.Combine(Staging, name)), Relative(target)));
            }
        }

        var next = manifest.After(real, replaced, added);
        next.Write(stagedManifest);
        var kept = OtherEntries(real).Where(n => !replaced.Contains(n)).ToList();
        var stagedInside = string.Equals(_stagingParent, real, RealPath.Comparison);
        if (!stagedInside && kept.All(n => manifest.FirstForeign(real, n) is null) && TryStageWhole(real, kept, stagedManifest))
        {
            return CommitJournal.OfExchange(new CommitMove(Relative(Staging), Relative(real)), Relative(stagedManifest));
        }

        if (Exists(manifestPath))
        {
            moves.Add(new CommitMove(Relative(manifestPath), Relative(Path.Combine(_staging.OldFiles, OutputManifest.FileName))));
        }

        moves.Add(new CommitMove(Relative(stagedManifest), Relative(manifestPath)));
        return CommitJournal.OfMoves(moves);
    }

    /// <summary>
    /// Makes the staging folder the complete new output folder — the results, the output folder's other own files
    /// (hard links: the same files, untouched) and the manifest — when this file system can swap folders atomically.
    /// </summary>
    /// <returns>False when it cannot (the staging folder is left as it was).</returns>
    private bool TryStageWhole(string real, IReadOnlyList<string> kept, string stagedManifest)
    {
        if (!CanSwapFolders())
        {
            return false;
        }

        var linked = new List<string>();
        try
        {
            foreach (var name in kept)
            {
                linked.Add(name);
                LinkTree(Path.Combine(real, name), Path.Combine(Staging, name));
            }

            File.Copy(stagedManifest, Path.Combine(Staging, OutputManifest.FileName));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(Staging, File.GetUnixFileMode(real));
            }

            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            foreach (var path in linked.Select(n => Path.Combine(Staging, n)).Append(Path.Combine(Staging, OutputManifest.FileName)))
            {
                if (Directory.Exists(path))
                {
                    Directory.Delete(path, recursive: true);
                }
                else
                {
                    File.Delete(path);
                }
            }

            return false;
        }
    }

    /// <summary>True when two folders in the staging folder can be swapped in one step.</summary>
    private bool CanSwapFolders()
    {
        var first = Directory.CreateDirectory(Path.Combine(_staging.FullPath, "probe-1")).FullName;
        var second = Directory.CreateDirectory(Path.Combine(_staging.FullPath, "probe-2")).FullName;
        try
        {
            return PosixFiles.TryExchange(first, second);
        }
        catch (IOException)
        {
            return false;
        }
        finally
        {
            Directory.Delete(first);
            Directory.Delete(second);
        }
    }

    private static void LinkTree(string source, string target)
    {
        if (Directory.Exists(source))
        {
            Directory.CreateDirectory(target);
            foreach (var entry in Directory.EnumerateFileSystemEntries(source))
            {
                LinkTree(entry, Path.Combine(target, Path.GetFileName(entry)));
            }
        }
        else
        {
            PosixFiles.CreateHardLink(source, target);
        }
    }

    /// <summary>
    /// The first entry of <paramref name="folder"/> that is not one of this command's earlier results by name, kind
    /// and size in the manifest (contents are verified by the commit); null when there is none.
    /// </summary>
    private static string? FirstForeignEntry(string folder, IReadOnlySet<string> owned)
    {
        if (!Directory.Exists(folder))
        {
            return null;
        }

        var listed = OutputManifest.Read(folder).Entries.ToDictionary(e => e.Path, StringComparer.Ordinal);
        return OtherEntries(folder).FirstOrDefault(name => !owned.Contains(name) || !listed.TryGetValue(name, out var entry) || !Matches(Path.Combine(folder, name), entry));

        static bool Matches(string path, ManifestEntry entry) =>
            entry.IsFolder ? Directory.Exists(path) : new FileInfo(path) is { Exists: true, LinkTarget: null } file && file.Length == entry.Bytes;
    }

    /// <summary>The entries of an existing output folder other than the manifest and staging folders, sorted.</summary>
    private static IEnumerable<string> OtherEntries(string folder) =>
        Directory.EnumerateFileSystemEntries(folder).Select(p => Path.GetFileName(p))
            .Where(n => n != OutputManifest.FileName && !StagingFolder.IsStagingName(n)).Order(StringComparer.Ordinal);

    private static string Resolve(string destination, string shown)
    {
        try
        {
            return RealPath.Of(destination);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw NotWritable(shown, e);
        }
    }

    private static FolderLock LockParent(string parent, string shown)
    {
        FolderLock? folderLock;
        try
        {
            folderLock = FolderLock.TryAcquire(parent, LockTimeout);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw NotWritable(shown, e);
        }

        return folderLock ?? throw new UnusableInputException(ErrorCodes.OutputNotWritable,
            Localized.Format("OutLocked", Path.GetDirectoryName(shown), LockTimeout.TotalMinutes),
            shown, hint: Localized.Get("OutLockedHint"));
    }

    private static List<string> CreateMissingFolders(string parent, string shown)
    {
        var missing = new List<string>();
        for (var folder = parent; folder is not null && !Directory.Exists(folder); folder = Path.GetDirectoryName(folder))
        {
            missing.Add(folder);
        }

        try
        {
            foreach (var folder in Enumerable.Reverse(missing))
            {
                Directory.CreateDirectory(folder);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            RemoveCreated(missing);
            throw NotWritable(shown, e);
        }

        return missing;
    }

    /// <summary>Removes folders this run created (deepest first) while they are empty.</summary>
    private static void RemoveCreated(IReadOnlyList<string> created)
    {
        foreach (var folder in created)
        {
            try
            {
                if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
                {
                    Directory.Delete(folder);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Someone else uses it now: leave it.
            }
        }
    }

    private static bool Exists(string path) => File.Exists(path) || Directory.Exists(path) || new FileInfo(path).LinkTarget is not null;

    private static UnusableInputException OtherFiles(string shown, string foreign) =>
        new(ErrorCodes.OutputExists, Localized.Format("OutNotEmpty", shown, foreign), shown,
            hint: Localized.Get("OutNotEmptyHint"));

    private static UnusableInputException NotWritable(string shown, Exception e) =>
        e as UnusableInputException ?? new UnusableInputException(ErrorCodes.OutputNotWritable, Localized.Format("OutNotWritable", shown, e.Message), shown,
            hint: Localized.Get("OutNotWritableHint"), inner: e);
}
