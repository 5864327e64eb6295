namespace ParkGis.Core.Data;

/// <summary>
/// A problem found in the data that still allows the run to go on: reported, never thrown.
/// </summary>
/// <param name="Layer">Role name or source of the layer (<c>parks</c>).</param>
/// <param name="Feature">Feature id, or <c>#ordinal</c> when it has none; empty for layer-level issues.</param>
/// <param name="Code">Stable code from <see cref="DataIssueCodes"/>.</param>
/// <param name="Message">A sentence a user can act on, with the location where it matters.</param>
public sealed record DataIssue(string Layer, string Feature, string Code, string Message);
