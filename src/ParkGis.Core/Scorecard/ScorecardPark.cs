namespace ParkGis.Core.Scorecard;

/// <summary>A park to be scored.</summary>
/// <param name="ParkId">The park id.</param>
/// <param name="Name">The park name, empty when unknown.</param>
public sealed record ScorecardPark(string ParkId, string Name);
