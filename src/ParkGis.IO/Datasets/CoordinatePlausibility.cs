using System.Collections.Concurrent;
using System.Globalization;
using NetTopologySuite.Geometries;
using ParkGis.Core.Crs;
using ParkGis.Core.Errors;
using ParkGis.IO.Formats;
using ParkGis.IO.Localization;

namespace ParkGis.IO.Datasets;

/// <summary>
/// Rejects coordinates that cannot be in the CRS a layer claims — the first such feature stops the run with its
/// ordinal, because every area computed from it would be wrong. Every coordinate is tested against the area the
/// claimed CRS can show of China with a margin (70°E–140°E, 3°N–56°N): lon/lat directly (swapped axes are named as
/// such); a Gauss-Krüger zone through its own bounds, the northings of 3°N and 56°N on its central meridian
/// (≈ 332 000–6 207 000 m) and eastings within 500 km of the central meridian — so degrees under a projected CRS
/// (northing below 90 m) are caught, as are NaN and infinite values and eastings whose zone prefix contradicts the
/// CRS (PG0204).
/// </summary>
/// <remarks>
/// The bounds are computed once per CRS; the test is four comparisons per coordinate, as cheap as the read.
/// </remarks>
internal static class CoordinatePlausibility
{
    private const double MinLongitude = 70;
    private const double MaxLongitude = 140;
    private const double MinLatitude = 3;
    private const double MaxLatitude = 56;
    private const double MaxFromMeridianM = 500_000;

    private static readonly ConcurrentDictionary<int, Bounds> BoundsByEpsg = new();

    public static void Check(string inputName, CrsDefinition crs, IReadOnlyList<SourceFeature> features)
    {
        var finder = new FirstImplausible(BoundsFor(crs));
        foreach (var feature in features)
        {
            if (feature.Geometry.IsEmpty)
            {
                continue;
            }

            feature.Geometry.Apply(finder);
            if (finder.Found is { } coordinate)
            {
                throw Describe(inputName, crs, feature.Ordinal, coordinate);
            }
        }
    }

    /// <summary>
    /// PG0203 for the first feature with a NaN or infinite coordinate, or null when every coordinate is a finite
    /// number; for a layer whose CRS cannot be decided because its extent is not finite.
    /// </summary>
    public static UnusableInputException? FirstNotFinite(string inputName, IReadOnlyList<SourceFeature> features)
    {
        var finder = new FirstImplausible(new Bounds(double.MinValue, double.MaxValue, double.MinValue, double.MaxValue));
        foreach (var feature in features)
        {
            feature.Geometry.Apply(finder);
            if (finder.Found is { } coordinate)
            {
                return NotFinite(inputName, "#" + feature.Ordinal.ToString(CultureInfo.InvariantCulture), coordinate);
            }
        }

        return null;
    }

    /// <summary>PG0203 for a coordinate that is not a finite number.</summary>
    /// <param name="inputName">The file.</param>
    /// <param name="feature">The feature (<c>#3</c>), or null when the reader cannot tell.</param>
    /// <param name="c">The coordinate.</param>
    public static UnusableInputException NotFinite(string inputName, string? feature, Coordinate c) => new(
        ErrorCodes.ImplausibleCoordinates,
        feature is null
            ? Localized.Format("CoordinateNotFinite", inputName, At(c))
            : Localized.Format("FeatureCoordinateNotFinite", feature, inputName, At(c)),
        inputName,
        feature,
        Localized.Get("RepairFeatureHint"));

    /// <summary>The box every coordinate of a layer in <paramref name="crs"/> must lie in.</summary>
    private static Bounds BoundsFor(CrsDefinition crs)
    {
        if (crs.IsGeographic)
        {
            return new Bounds(MinLongitude, MaxLongitude, MinLatitude, MaxLatitude);
        }

        return BoundsByEpsg.GetOrAdd(crs.Epsg, _ =>
        {
            var fromLonLat = CrsTransform.Create(CrsRegistry.FromEpsg(4490)!, crs);
            var south = fromLonLat.Apply(new Coordinate(crs.CentralMeridian, MinLatitude));
            var north = fromLonLat.Apply(new Coordinate(crs.CentralMeridian, MaxLatitude));
            return new Bounds(crs.FalseEasting - MaxFromMeridianM, crs.FalseEasting + MaxFromMeridianM, south.Y, north.Y);
        });
    }

    private static string At(Coordinate c) => string.Create(CultureInfo.InvariantCulture, $"({c.X:0.######}, {c.Y:0.######})");

    private static UnusableInputException Describe(string inputName, CrsDefinition crs, int ordinal, Coordinate c)
    {
        var bounds = BoundsFor(crs);
        var feature = "#" + ordinal.ToString(CultureInfo.InvariantCulture);
        var at = At(c);
        string message;
        string hint;
        var code = ErrorCodes.ImplausibleCoordinates;
        if (!double.IsFinite(c.X) || !double.IsFinite(c.Y))
        {
            return NotFinite(inputName, feature, c);
        }

        if (crs.IsGeographic)
        {
            var swapped = c.Y is >= MinLongitude and <= MaxLongitude && c.X is >= MinLatitude and <= MaxLatitude;
            message = swapped
                ? Localized.Format("LonLatSwapped", feature, inputName, c.X.ToString(CultureInfo.InvariantCulture), c.Y.ToString(CultureInfo.InvariantCulture))
                : Localized.Format("LonLatOutsideChina", feature, inputName, at, crs.Code);
            hint = swapped
                ? Localized.Get("LonLatSwappedHint")
                : Math.Abs(c.X) > 180 || Math.Abs(c.Y) > 90
                    ? Localized.Get("MetresNotDegreesHint")
                    : Localized.Get("CheckCrsAndCoordinatesHint");
        }
        else if (Math.Abs(c.X) <= 180 && Math.Abs(c.Y) <= 90)
        {
            message = Localized.Format("DegreesInProjectedCrs", feature, inputName, at, crs);
            hint = Localized.Get("DegreesInProjectedCrsHint");
        }
        else if (c.X is >= 10_000_000 and < 100_000_000 && Math.Floor(c.X / 1_000_000) != (crs.HasZonePrefix ? crs.Zone : -1))
        {
            code = ErrorCodes.ZonePrefixMismatch;
            var prefix = (int)Math.Floor(c.X / 1_000_000);
            var implied = CrsRegistry.FromPrefixedEasting(c.X);
            var declared = crs.HasZonePrefix ? Localized.Format("ZonePrefixDeclaredZone", crs.Zone) : Localized.Get("ZonePrefixDeclaredNone");
            message = Localized.Format("ZonePrefixContradictsCrs", feature, inputName, c.X, prefix, crs, declared);
            hint = implied is not null
                ? Localized.Format("ZonePrefixContradictsCrsHint", implied.Code, implied.Name)
                : Localized.Get("ZonePrefixCheckHint");
        }
        else
        {
            message = Localized.Format("CoordinateOutsideCrs", feature, inputName, at, crs, bounds.MinY, bounds.MaxY);
            hint = Localized.Get("CheckDeclaredCrsHint");
        }

        return new UnusableInputException(code, message, inputName, feature, hint);
    }

    /// <summary>A box in a CRS's units.</summary>
    private readonly record struct Bounds(double MinX, double MaxX, double MinY, double MaxY);

    /// <summary>Finds the first coordinate outside the bounds (NaN never passes a comparison); reusable across geometries.</summary>
    private sealed class FirstImplausible(Bounds bounds) : IEntireCoordinateSequenceFilter
    {
        public Coordinate? Found { get; private set; }

        public bool Done => Found is not null;

        public bool GeometryChanged => false;

        public void Filter(CoordinateSequence seq)
        {
            for (var i = 0; i < seq.Count; i++)
            {
                var x = seq.GetX(i);
                var y = seq.GetY(i);
                if (!(x >= bounds.MinX && x <= bounds.MaxX && y >= bounds.MinY && y <= bounds.MaxY))
                {
                    Found = new Coordinate(x, y);
                    return;
                }
            }
        }
    }
}
