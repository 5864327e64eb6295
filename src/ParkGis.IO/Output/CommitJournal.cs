using System.Text.Json;

namespace ParkGis.IO.Output;

/// <summary>
/// The renames that commit a staged result into its output folder, written to the staging folder before the
/// first rename. A run killed during the commit leaves the journal behind; the next run into the same parent
/// folder undoes the renames that were done (every rename is atomic, so each one either happened or did not),
/// unless the <c>committed</c> mark shows that all of them (and the database commit, if any) were done.
/// Paths are relative to the parent folder, so moving the parent as a whole keeps the journal usable.
/// </summary>
internal sealed class CommitJournal
{
    private const string FileName = "journal.json";
    private const string CommittedName = "committed";

    private CommitJournal(IReadOnlyList<CommitMove> moves) => Moves = moves;

    /// <summary>The renames, in the order they are done.</summary>
    public IReadOnlyList<CommitMove> Moves { get; }

    /// <summary>Writes the journal into <paramref name="staging"/> atomically (a temporary file renamed into place).</summary>
    public static CommitJournal Write(string staging, IReadOnlyList<CommitMove> moves)
    {
        var temporary = Path.Combine(staging, FileName + ".tmp");
        using (var stream = File.Create(temporary))
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("moves");
            foreach (var move in moves)
            {
                writer.WriteStartArray();
                writer.WriteStringValue(move.From);
                writer.WriteStringValue(move.To);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        File.Move(temporary, Path.Combine(staging, FileName), overwrite: true);
        return new CommitJournal(moves);
    }

    /// <summary>The journal in <paramref name="staging"/>, or null when the run never began to commit.</summary>
    public static CommitJournal? Read(string staging)
    {
        var path = Path.Combine(staging, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var moves = document.RootElement.GetProperty("moves").EnumerateArray()
            .Select(m => new CommitMove(m[0].GetString()!, m[1].GetString()!)).ToList();
        return new CommitJournal(moves);
    }

    /// <summary>True once <see cref="MarkCommitted"/> ran for <paramref name="staging"/>.</summary>
    public static bool IsCommitted(string staging) => File.Exists(Path.Combine(staging, CommittedName));

    /// <summary>Records that every rename (and the database commit, if any) is done; from now on the commit stands.</summary>
    public static void MarkCommitted(string staging)
    {
        using (File.Create(Path.Combine(staging, CommittedName)))
        {
        }
    }

    /// <summary>Removes the journal after the renames were undone.</summary>
    public static void Discard(string staging) => File.Delete(Path.Combine(staging, FileName));

    /// <summary>Does the renames in order, calling <paramref name="afterEach"/> with the count done after each one.</summary>
    /// <returns>Null when all were done; else the failure that stopped them (the failed rename did not happen).</returns>
    public Exception? Apply(string parent, Action<int> afterEach)
    {
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
    /// Undoes the renames, last first: a rename is undone when its target exists and its source does not.
    /// Safe to repeat after an interruption.
    /// </summary>
    public void RollBack(string parent)
    {
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
