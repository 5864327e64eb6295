using System.Globalization;
using NetTopologySuite.Operation.Valid;
using ParkGis.Core.Analysis;

namespace ParkGis.Core.Tests.Analysis;

/// <summary>PostGIS's validity reasons (GEOS's English texts) read as the words the local engine uses for the same defect.</summary>
public sealed class GeometryValidityReasonTests
{
    [Theory]
    [InlineData("Self-intersection", TopologyValidationErrors.SelfIntersection)]
    [InlineData("Self-intersection[500500 4400500]", TopologyValidationErrors.SelfIntersection)]
    [InlineData("Ring Self-intersection", TopologyValidationErrors.RingSelfIntersection)]
    [InlineData("Too few points in geometry component", TopologyValidationErrors.TooFewPoints)]
    [InlineData("Too few points in geometry component[0 0]", TopologyValidationErrors.TooFewPoints)]
    [InlineData("Invalid number of points in LinearRing found 3 - must be 0 or >= 4", TopologyValidationErrors.TooFewPoints)]
    [InlineData("Hole lies outside shell", TopologyValidationErrors.HoleOutsideShell)]
    [InlineData("Holes are nested", TopologyValidationErrors.NestedHoles)]
    [InlineData("Interior is disconnected", TopologyValidationErrors.DisconnectedInteriors)]
    [InlineData("Nested shells", TopologyValidationErrors.NestedShells)]
    [InlineData("Duplicate Rings", TopologyValidationErrors.DuplicateRings)]
    [InlineData("Invalid Coordinate", TopologyValidationErrors.InvalidCoordinate)]
    [InlineData("Ring is not closed", TopologyValidationErrors.RingNotClosed)]
    public void A_PostGIS_reason_reads_as_the_local_engines_words_for_the_same_defect_in_both_languages(string postgis, TopologyValidationErrors error)
    {
        foreach (var language in new[] { "zh-Hans", "en" })
        {
            using var _ = new UiCulture(language);
            Assert.Equal(GeometryValidityReason.Of(error), GeometryValidityReason.OfPostGis(postgis));
        }
    }

    [Fact]
    public void The_Chinese_reasons_hold_no_English_library_text()
    {
        using var _ = new UiCulture("zh-Hans");
        Assert.Equal("自相交", GeometryValidityReason.OfPostGis("Self-intersection"));
        Assert.Equal("环自相交", GeometryValidityReason.OfPostGis("Ring Self-intersection"));
        Assert.StartsWith("点数过少（退化的环", GeometryValidityReason.OfPostGis("Too few points in geometry component"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_reason_PostGIS_gives_that_ParkGis_does_not_know_is_quoted_as_it_was_given()
    {
        using var _ = new UiCulture("zh-Hans");
        Assert.Equal("PostGIS 报告的原因“Something new”", GeometryValidityReason.OfPostGis(" Something new "));
        Assert.Equal("几何无效", GeometryValidityReason.OfPostGis(null));
    }

    private sealed class UiCulture : IDisposable
    {
        private readonly CultureInfo _previous = CultureInfo.CurrentUICulture;

        public UiCulture(string name) => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);

        public void Dispose() => CultureInfo.CurrentUICulture = _previous;
    }
}
