using System.Text.Json;

namespace ParkGis.IO.Output;

/// <summary>
/// How a staged result is committed into its output folder, written to the staging folder before anything in
/// the output folder changes. Either one atomic swap of the complete new folder with the output folder
/// (<see cref="Exchange"/>: at every instant the output folder is the complete old or the complete new set), or,
/// when the output folder also holds files ParkGis did not write, renames of the results one by one
/// (<see cref="Moves"/>; every rename is atomic). A run killed during the commit leaves the journal behind; the
/// next run into the same parent folder undoes what was done, unless the <c>committed</c> mark shows that all of
/// it (and the database commit, if any) was done. Paths are relative to the parent folder.
/// </summary>
internal sealed class CommitJournal
{
    private const string FileName = "journal.json";
    private const string CommittedName = "committed";

    private CommitJournal(IReadOnlyList<CommitMove> moves, CommitMove? exchange, string? stagedManifest)
    {
        Moves = moves;
        Exchange = exchange;
        StagedManifest = stagedManifest;
    }

    /// <summary>The renames, in the order they are done (empty for a swap).</summary>
    public IReadOnlyList<CommitMove> Moves { get; }

    /// <summary>The swap of the complete new folder (<see cref="CommitMove.From"/>) with the output folder, or null.</summary>
    public CommitMove? Exchange { get; }

    /// <summary>
    /// For a swap: a copy of the new folder's manifest. The new folder holds an identical manifest until the swap;
    /// afterwards it holds the old one (or none), which tells recovery whether the swap happened. Identical
    /// manifests mean identical files, so then either answer is right.
    /// </summary>
    public string? StagedManifest { get; }

    /// <summary>A commit by renames.</summary>
    public static CommitJournal OfMoves(IReadOnlyList<CommitMove> moves) => new(moves, null, null);

    /// <summary>A commit by one swap.</summary>
    public static CommitJournal OfExchange(CommitMove exchange, string stagedManifest) => new([], exchange, stagedManifest);

    /// <summary>The journal in <paramref name="staging"/>, or null when the run never began to commit.</summary>
    public static CommitJournal? Read(string staging)
    {
        var path = Path.Combine(staging, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = document.RootElement;
        var journal = root.TryGetProperty("exchange", out var exchange)
            ? OfExchange(new CommitMove(exchange[0].GetString()!, exchange[1].GetString()!), root.GetProperty("staged_manifest").GetString()!)
            : OfMoves(root.GetProperty("moves").EnumerateArray().Select(m => new CommitMove(m[0].GetString()!, m[1].GetString()!)).ToList());
        var paths = journal.Moves.Concat(journal.Exchange is { } e ? [e] : []).SelectMany(m => new[] { m.From, m.To }).Append(journal.StagedManifest ?? ".");
        return paths.All(StaysInside) ? journal : throw new InvalidOperationException($"{path} names a path outside its parent folder.");
    }

    /// <summary>True for a relative path without <c>..</c>: a journal never reaches outside the parent folder.</summary>
    private static bool StaysInside(string path) =>
        !Path.IsPathRooted(path) && path.Split(['/', '\\']).All(part => part != "..");

    /// <summary>True when <paramref name="staging"/> holds a journal (a commit began and was not undone).</summary>
    public static bool IsPresent(string staging) => File.Exists(Path.Combine(staging, FileName));

    /// <summary>True once <see cref="MarkCommitted"/> ran for <paramref name="staging"/>.</summary>
    public static bool IsCommitted(string staging) => File.Exists(Path.Combine(staging, CommittedName));

    /// <summary>Records that the commit (and the database commit, if any) is done; from now on it stands.</summary>
    public static void MarkCommitted(string staging)
    {
        using (File.Create(Path.Combine(staging, CommittedName)))
        {
        }
    }

    /// <summary>Removes the journal after the commit was undone.</summary>
    public static void Discard(string staging) => File.Delete(Path.Combine(staging, FileName));

    /// <summary>Writes the journal into <paramref name="staging"/> atomically (a temporary file renamed into place).</summary>
    public void Write(string staging)
    {
        var temporary = Path.Combine(staging, FileName + ".tmp");
        using (var stream = File.Create(temporary))
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            if (Exchange is { } exchange)
            {
                writer.WriteStartArray("exchange");
                writer.WriteStringValue(exchange.From);
                writer.WriteStringValue(exchange.To);
                writer.WriteEndArray();
                writer.WriteString("staged_manifest", StagedManifest);
            }
            else
            {
                writer.WriteStartArray("moves");
                foreach (var move in Moves)
                {
                    writer.WriteStartArray();
                    writer.WriteStringValue(move.From);
                    writer.WriteStringValue(move.To);
                    writer.WriteEndArray();
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        File.Move(temporary, Path.Combine(staging, FileName), overwrite: true);
    }

    /// <summary>Does the swap or the renames in order, calling <paramref name="afterEach"/> with the count done after each one.</summary>
    /// <returns>Null when all were done; else the failure that stopped them (the failed step did not happen).</returns>
    public Exception? Apply(string parent, Action<int> afterEach)
    {
        if (Exchange is { } exchange)
        {
            try
            {
                if (!PosixFiles.TryExchange(Path.Combine(parent, exchange.From), Path.Combine(parent, exchange.To)))
                {
                    return new IOException("The file system cannot swap folders.");
                }
            }
            catch (IOException e)
            {
                return e;
            }

            afterEach(1);
            return null;
        }

        for (var i = 0; i < Moves.Count; i++)
        {
            try
            {
                Move(Path.Combine(parent, Moves[i].From), Path.Combine(parent, Moves[i].To));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return e;
            }

            afterEach(i + 1);
        }

        return null;
    }

    /// <summary>
    /// Undoes what was done: the swap is swapped back when it happened; renames are undone last first, each when
    /// its target exists and its source does not. Safe to repeat after an interruption.
    /// </summary>
    public void RollBack(string parent)
    {
        if (Exchange is { } exchange)
        {
            var staged = Path.Combine(parent, exchange.From);
            var manifest = Path.Combine(staged, OutputManifest.FileName);
            var swapped = !File.Exists(manifest) || !File.ReadAllBytes(manifest).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(parent, StagedManifest!)));
            if (swapped && Directory.Exists(staged) && !PosixFiles.TryExchange(staged, Path.Combine(parent, exchange.To)))
            {
                throw new IOException("The file system cannot swap folders back.");
            }

            return;
        }

        for (var i = Moves.Count - 1; i >= 0; i--)
        {
            var from = Path.Combine(parent, Moves[i].From);
            var to = Path.Combine(parent, Moves[i].To);
            if (Exists(to) && !Exists(from))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(from)!);
                Move(to, from);
            }
        }
    }

    private static bool Exists(string path) => File.Exists(path) || Directory.Exists(path);

    private static void Move(string from, string to)
    {
        if (Directory.Exists(from) && new DirectoryInfo(from).LinkTarget is null)
        {
            Directory.Move(from, to);
        }
        else
        {
            // rename(2): atomic; the target was checked to be absent under the folder lock.
            File.Move(from, to, overwrite: true);
        }
    }
}
