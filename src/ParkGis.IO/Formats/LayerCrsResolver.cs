using NetTopologySuite.Geometries;
using ParkGis.Core.Crs;
using ParkGis.Core.Errors;
using ParkGis.IO.Localization;

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

    /// <summary>
    /// The CRS <see cref="Resolve(LayerReadRequest, Func{CrsDefinition?}, Func{Envelope}, IReadOnlyList{SourceFeature}?)"/>
    /// will give without looking at the coordinates, or null when it would need them or would fail (it then fails there).
    /// </summary>
    public static CrsDefinition? Known(LayerReadRequest request, Func<CrsDefinition?> declared)
    {
        try
        {
            return request.CrsOverrideEpsg is { } overrideEpsg ? FromConfiguredEpsg(overrideEpsg, request)
                : declared() ?? (request.DefaultCrsEpsg is { } defaultEpsg ? FromConfiguredEpsg(defaultEpsg, request) : null);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException and not OperationCanceledException)
        {
            return null;
        }
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
            ? Localized.Get("NoCoordinates")
            : Localized.Format("NoCrsXRange", envelope.MinX, envelope.MaxX);
        throw new UnusableInputException(
            ErrorCodes.MissingCrs,
            Localized.Format("NoCrs", request.InputName, range),
            request.InputName,
            hint: Localized.Get("NoCrsHint"));
    }

    /// <summary>The supported CRS for an EPSG code the file declares, or PG0202.</summary>
    public static CrsDefinition FromDeclaredEpsg(int epsg, string inputName, string how) =>
        CrsRegistry.FromEpsg(epsg) ?? throw new UnusableInputException(
            ErrorCodes.UnsupportedCrs,
            Localized.Format("DeclaredEpsgUnsupported", inputName, epsg, how),
            inputName,
            hint: Localized.Get("ReprojectHint"));

    private static CrsDefinition FromConfiguredEpsg(int epsg, LayerReadRequest request) =>
        CrsRegistry.FromEpsg(epsg) ?? throw new UnusableInputException(
            ErrorCodes.UnsupportedCrs,
            Localized.Format("ConfiguredEpsgUnsupported", epsg, request.InputName),
            request.InputName,
            hint: Localized.Get("ConfiguredEpsgUnsupportedHint"));

    private static bool IsEightDigitEasting(double x) => x is >= 10_000_000 and < 100_000_000;
}
