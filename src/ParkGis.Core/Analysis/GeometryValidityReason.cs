using NetTopologySuite.Operation.Valid;
using ParkGis.Core.Localization;

namespace ParkGis.Core.Analysis;

/// <summary>
/// What makes a geometry invalid (几何无效原因), in the run's language — one text per defect whichever engine found it:
/// NTS's <see cref="TopologyValidationErrors"/> (the local engine) and the reasons of PostGIS's
/// <c>ST_IsValidDetail</c>/<c>ST_IsValidReason</c> (GEOS's texts, <c>--engine postgis</c>) give the same words.
/// </summary>
public static class GeometryValidityReason
{
    /// <summary>GEOS's reason texts (as PostGIS returns them, any case) and the defect each names; longest first, so
    /// that <c>Ring Self-intersection</c> is not read as <c>Self-intersection</c>.</summary>
    private static readonly (string Text, TopologyValidationErrors Error)[] GeosReasons =
    [
        ("ring self-intersection", TopologyValidationErrors.RingSelfIntersection),
        ("self-intersection", TopologyValidationErrors.SelfIntersection),
        ("too few points", TopologyValidationErrors.TooFewPoints),
        ("invalid number of points in linearring", TopologyValidationErrors.TooFewPoints),
        ("hole lies outside shell", TopologyValidationErrors.HoleOutsideShell),
        ("holes are nested", TopologyValidationErrors.NestedHoles),
        ("interior is disconnected", TopologyValidationErrors.DisconnectedInteriors),
        ("nested shells", TopologyValidationErrors.NestedShells),
        ("duplicate rings", TopologyValidationErrors.DuplicateRings),
        ("invalid coordinate", TopologyValidationErrors.InvalidCoordinate),
        ("ring is not closed", TopologyValidationErrors.RingNotClosed),
    ];

    /// <summary>The text of an NTS validation error type.</summary>
    public static string Of(TopologyValidationErrors error) => error switch
    {
        TopologyValidationErrors.HoleOutsideShell => Localized.Get("ValidityHoleOutsideShell"),
        TopologyValidationErrors.NestedHoles => Localized.Get("ValidityNestedHoles"),
        TopologyValidationErrors.DisconnectedInteriors => Localized.Get("ValidityDisconnectedInteriors"),
        TopologyValidationErrors.SelfIntersection => Localized.Get("ValiditySelfIntersection"),
        TopologyValidationErrors.RingSelfIntersection => Localized.Get("ValidityRingSelfIntersection"),
        TopologyValidationErrors.NestedShells => Localized.Get("ValidityNestedShells"),
        TopologyValidationErrors.DuplicateRings => Localized.Get("ValidityDuplicateRings"),
        TopologyValidationErrors.TooFewPoints => Localized.Get("ValidityTooFewPoints"),
        TopologyValidationErrors.InvalidCoordinate => Localized.Get("ValidityInvalidCoordinate"),
        TopologyValidationErrors.RingNotClosed => Localized.Get("ValidityRingNotClosed"),
        _ => Localized.Get("ValidityError"),
    };

    /// <summary>
    /// The text of a PostGIS validity reason (<c>Self-intersection[1 2]</c>, <c>Too few points in geometry
    /// component</c>): the same words as <see cref="Of"/> for a defect GEOS names; a reason it does not know is quoted
    /// as PostGIS gave it, and no reason at all is the generic "invalid".
    /// </summary>
    public static string OfPostGis(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Localized.Get("ValidityError");
        }

        foreach (var (text, error) in GeosReasons)
        {
            if (reason.Contains(text, StringComparison.OrdinalIgnoreCase))
            {
                return Of(error);
            }
        }

        return Localized.Format("ValidityPostGisReason", reason.Trim());
    }
}
