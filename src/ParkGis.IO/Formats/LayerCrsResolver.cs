using System.Globalization;
using NetTopologySuite.Geometries;
using ParkGis.Core.Crs;
using ParkGis.Core.Errors;

namespace ParkGis.IO.Formats;

/// <summary>
/// Decides a layer's CRS, in this order: the parkgis.json layer <c>crs</c>; what the file declares; the
/// parkgis.json top-level <c>crs</c>; the zone prefix of 8-digit eastings; otherwise PG0201 — or PG0203 when the
/// extent holds a coordinate that is not a finite number (a 300-digit number reads as infinity), since that, not a
/// missing CRS, is what is wrong.
/// </summary>
internal static class LayerCrsResolver
{
    /// <summary>Decides the CRS of features already read; a non-finite coordinate is named with its feature.</summary>
    public static CrsDefinition Resolve(LayerReadRequest request, Func<CrsDefinition?> declared, IReadOnlyList<SourceFeature> features) =>
        Resolve(request, declared, () => Extent(features), features);

    /// <summary>The envelope of every feature's geometry.</summary>
    public static Envelope Extent(IReadOnlyList<SourceFeature> features)
    {
        var envelope = new Envelope();
        foreach (var feature in features)
        {
            envelope.ExpandToInclude(feature.Geometry.EnvelopeInternal);
        }

        return envelope;
    }

    public static CrsDefinition Resolve(LayerReadRequest request, Func<CrsDefinition?> declared, Func<Envelope> extent, IReadOnlyList<SourceFeature>? features = null)
    {
        if (request.CrsOverrideEpsg is { } overrideEpsg)
        {
            return FromConfiguredEpsg(overrideEpsg, request);
        }

        if (declared() is { } fromFile)
        {
            return fromFile;
        }

        if (request.DefaultCrsEpsg is { } defaultEpsg)
        {
            return FromConfiguredEpsg(defaultEpsg, request);
        }

        var envelope = extent();
        if (!envelope.IsNull && IsEightDigitEasting(envelope.MinX) && IsEightDigitEasting(envelope.MaxX))
        {
            var fromMin = CrsRegistry.FromPrefixedEasting(envelope.MinX);
            var fromMax = CrsRegistry.FromPrefixedEasting(envelope.MaxX);
            if (fromMin is not null && fromMin == fromMax)
            {
                return fromMin;
            }
        }

        if (!envelope.IsNull && !(double.IsFinite(envelope.MinX) && double.IsFinite(envelope.MaxX) && double.IsFinite(envelope.MinY) && double.IsFinite(envelope.MaxY)))
        {
            throw (features is null ? null : Datasets.CoordinatePlausibility.FirstNotFinite(request.InputName, features))
                ?? Datasets.CoordinatePlausibility.NotFinite(request.InputName, null, new Coordinate(envelope.MaxX, envelope.MaxY));
        }

        var range = envelope.IsNull
            ? "the layer has no coordinates"
            : string.Create(CultureInfo.InvariantCulture, $"x ranges {envelope.MinX:0.###}…{envelope.MaxX:0.###}");
        throw new UnusableInputException(
            ErrorCodes.MissingCrs,
            $"{request.InputName} has no coordinate reference system and none can be inferred ({range}).",
            request.InputName,
            hint: "Add the CRS to the file (a .prj, a GeoJSON \"crs\" member) or set it in parkgis.json: { \"layers\": { \"<role>\": { \"crs\": \"EPSG:4545\" } } }.");
    }

    /// <summary>The supported CRS for an EPSG code the file declares, or PG0202.</summary>
    public static CrsDefinition FromDeclaredEpsg(int epsg, string inputName, string how) =>
        CrsRegistry.FromEpsg(epsg) ?? throw new UnusableInputException(
            ErrorCodes.UnsupportedCrs,
            string.Create(CultureInfo.InvariantCulture, $"{inputName} declares EPSG:{epsg} ({how}), which ParkGis does not support."),
            inputName,
            hint: "Reproject to CGCS2000 (EPSG:4490) or a CGCS2000 Gauss-Krüger zone (EPSG:4491–4554), e.g. with ogr2ogr -t_srs EPSG:4545.");

    private static CrsDefinition FromConfiguredEpsg(int epsg, LayerReadRequest request) =>
        CrsRegistry.FromEpsg(epsg) ?? throw new UnusableInputException(
            ErrorCodes.UnsupportedCrs,
            string.Create(CultureInfo.InvariantCulture, $"parkgis.json sets EPSG:{epsg} for {request.InputName}, which ParkGis does not support."),
            request.InputName,
            hint: "Use EPSG:4490, EPSG:4326 or a CGCS2000 Gauss-Krüger zone (EPSG:4491–4554).");

    private static bool IsEightDigitEasting(double x) => x is >= 10_000_000 and < 100_000_000;
}
