using System.Globalization;
using NetTopologySuite.Geometries;
using ParkGis.Core.Crs;
using ParkGis.Core.Errors;
using ParkGis.IO.Formats;

namespace ParkGis.IO.Datasets;

/// <summary>
/// Rejects coordinates that cannot be in the CRS a layer claims — the first such feature stops the run with its
/// ordinal, because every area computed from it would be wrong. Checked: NaN and infinite values; lon/lat outside
/// 70°E–140°E, 0°N–56°N (China with a margin; swapped axes are named as such); Gauss-Krüger northings outside
/// 0–6 200 000 m and eastings more than 500 km from the central meridian; eastings whose zone prefix
/// contradicts the CRS (PG0204); degrees in a projected CRS.
/// </summary>
internal static class CoordinatePlausibility
{
    private const double MinLongitude = 70;
    private const double MaxLongitude = 140;
    private const double MinLatitude = 0;
    private const double MaxLatitude = 56;
    private const double MaxNorthingM = 6_200_000;

    public static void Check(string inputName, CrsDefinition crs, IReadOnlyList<SourceFeature> features)
    {
        foreach (var feature in features)
        {
            if (feature.Geometry.IsEmpty)
            {
                continue;
            }

            var finder = new FirstImplausible(crs);
            feature.Geometry.Apply(finder);
            if (finder.Found is { } coordinate)
            {
                throw Describe(inputName, crs, feature.Ordinal, coordinate);
            }
        }
    }

    /// <summary>True when a coordinate can be in the CRS.</summary>
    private static bool IsPlausible(CrsDefinition crs, double x, double y)
    {
        if (!double.IsFinite(x) || !double.IsFinite(y))
        {
            return false;
        }

        if (crs.IsGeographic)
        {
            return x is >= MinLongitude and <= MaxLongitude && y is >= MinLatitude and <= MaxLatitude;
        }

        var fromMeridian = x - crs.FalseEasting;
        return y is >= 0 and <= MaxNorthingM && fromMeridian is >= -500_000 and <= 500_000;
    }

    private static UnusableInputException Describe(string inputName, CrsDefinition crs, int ordinal, Coordinate c)
    {
        var feature = "#" + ordinal.ToString(CultureInfo.InvariantCulture);
        var at = string.Create(CultureInfo.InvariantCulture, $"({c.X:0.######}, {c.Y:0.######})");
        string message;
        string hint;
        var code = ErrorCodes.ImplausibleCoordinates;
        if (!double.IsFinite(c.X) || !double.IsFinite(c.Y))
        {
            message = $"Feature {feature} of {inputName} has a coordinate that is not a finite number {at}.";
            hint = "Repair or delete the feature in a GIS and export the layer again.";
        }
        else if (crs.IsGeographic)
        {
            var swapped = c.Y is >= MinLongitude and <= MaxLongitude && c.X is >= MinLatitude and <= MaxLatitude;
            message = swapped
                ? $"Feature {feature} of {inputName} has longitude {c.X.ToString(CultureInfo.InvariantCulture)} and latitude {c.Y.ToString(CultureInfo.InvariantCulture)}, which cannot be in China; longitude and latitude look swapped."
                : $"Feature {feature} of {inputName} has the lon/lat coordinate {at}, which is outside China ({crs.Code}).";
            hint = swapped
                ? "Write coordinates as longitude, latitude (x = east): GeoJSON and shapefiles store lon first even though EPSG:4490 lists lat first."
                : Math.Abs(c.X) > 180 || Math.Abs(c.Y) > 90
                    ? "These look like metres, not degrees: declare the projected CRS (.prj, GeoJSON crs, or \"crs\" in parkgis.json)."
                    : "Check the layer's CRS and coordinates; ParkGis works on data in China.";
        }
        else if (Math.Abs(c.X) <= 180 && Math.Abs(c.Y) <= 90)
        {
            message = $"Feature {feature} of {inputName} has the coordinate {at}, which looks like degrees, but the layer claims the projected {crs}.";
            hint = "Declare the layer as EPSG:4490 (its .prj or \"crs\" in parkgis.json), or reproject it to that zone.";
        }
        else if (c.X is >= 10_000_000 and < 100_000_000 && Math.Floor(c.X / 1_000_000) != (crs.HasZonePrefix ? crs.Zone : -1))
        {
            code = ErrorCodes.ZonePrefixMismatch;
            var prefix = (int)Math.Floor(c.X / 1_000_000);
            var implied = CrsRegistry.FromPrefixedEasting(c.X);
            var declared = crs.HasZonePrefix ? string.Create(CultureInfo.InvariantCulture, $" (zone {crs.Zone})") : ", without a zone prefix";
            message = string.Create(CultureInfo.InvariantCulture,
                $"Feature {feature} of {inputName} has the easting {c.X:0.###} with the zone prefix {prefix}, but the layer's CRS is {crs}{declared}.");
            hint = implied is not null
                ? $"If the coordinates are right, the declared CRS is wrong: set \"crs\": \"{implied.Code}\" for the layer in parkgis.json ({implied.Name}), or fix the .prj."
                : "Check the eastings and the declared CRS; they name different zones.";
        }
        else
        {
            message = $"Feature {feature} of {inputName} has the coordinate {at}, which cannot be in {crs} (northing 0–6 200 000 m, easting within 500 km of the central meridian).";
            hint = "Check the layer's declared CRS (.prj, GeoJSON crs, parkgis.json \"crs\") against its coordinates.";
        }

        return new UnusableInputException(code, message, inputName, feature, hint);
    }

    private sealed class FirstImplausible(CrsDefinition crs) : IEntireCoordinateSequenceFilter
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
                if (!IsPlausible(crs, x, y))
                {
                    Found = new Coordinate(x, y);
                    return;
                }
            }
        }
    }
}
