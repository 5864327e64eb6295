namespace ParkGis.IO.Output;

/// <summary>One rename of a commit (see <see cref="CommitJournal"/>), paths relative to the output's parent folder.</summary>
internal sealed record CommitMove(string From, string To);
