namespace ParkGis.Core.Boundaries;

/// <summary>One row of a boundary-point table (界址点): number, X = northing, Y = easting (with the zone prefix).</summary>
/// <param name="Number">Point number (点号), <c>J1</c>, <c>J2</c>, …; the closing row repeats the first number.</param>
/// <param name="NorthM">X, the northing in metres, rounded to the millimetre.</param>
/// <param name="EastM">Y, the easting in metres with the zone prefix, rounded to the millimetre.</param>
/// <param name="EdgeLengthM">边长: distance to the next point in metres; null on the closing row.</param>
public sealed record BoundaryPoint(string Number, double NorthM, double EastM, double? EdgeLengthM);
