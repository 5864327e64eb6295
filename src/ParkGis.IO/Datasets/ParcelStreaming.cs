namespace ParkGis.IO.Datasets;

/// <summary>
/// What a reader tells its caller while it outlines a parcels table to be read in chunks (<see cref="DatasetContent.ReadFolder(string, IProgress{string}?, IReadOnlyDictionary{ParkGis.Core.Data.LayerRole, IReadOnlyList{string}}?, bool, IReadOnlyCollection{ParkGis.Core.Data.LayerRole}?, bool, ParcelStreaming?)"/>),
/// so that the CLI can manage memory around it: each is called at most once, on a reading thread.
/// </summary>
/// <param name="Outlining">The table will be read in chunks: its outline is about to be scanned.</param>
/// <param name="Outlined">
/// The outline is done (ids assigned, the row objects it read are garbage) and the control layers are read next; called
/// only when they are read after the parcels (cut to the reach, as the conflict check reads them).
/// </param>
public sealed record ParcelStreaming(Action Outlining, Action Outlined);
