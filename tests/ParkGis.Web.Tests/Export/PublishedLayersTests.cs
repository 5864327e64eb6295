using NetTopologySuite.Geometries;
using ParkGis.Core.Crs;
using ParkGis.Core.Publishing;
using ParkGis.Web.Export;

namespace ParkGis.Web.Tests.Export;

public sealed class PublishedLayersTests
{
    [Fact]
    public void Features_sharing_a_geometry_are_published_with_its_one_projection_and_each_crs_gets_its_own()
    {
        // One parcel unserved by two networks (the same geometry twice, one CRS), and the same coordinates read in another zone.
        var factory = new GeometryFactory();
        var parcel = factory.CreatePolygon([new(37_400_000, 4_400_000), new(37_400_100, 4_400_000), new(37_400_100, 4_400_100), new(37_400_000, 4_400_000)]);
        var (zone37, zone38) = (CrsRegistry.FromEpsg(4525)!, CrsRegistry.FromEpsg(4526)!);
        var other = factory.CreatePolygon([new(38_400_000, 4_400_000), new(38_400_100, 4_400_000), new(38_400_100, 4_400_100), new(38_400_000, 4_400_000)]);
        ResultFeature Feature(Geometry geometry, CrsDefinition crs, string utility) =>
            new(geometry, crs, 5000, "unserved", "warning", "A", [new("utility", utility)]);
        var layer = new ResultLayer("unserved", "unserved", [Feature(parcel, zone37, "roads"), Feature(parcel, zone37, "gas"), Feature(other, zone38, "roads"), Feature(parcel, zone38, "power")], false);

        var published = PublishedLayers.Of(layer).Features;

        var alone = (Feature: PublishedLayers.Of(layer with { Features = [layer.Features[0]] }).Features[0], Other: PublishedLayers.Of(layer with { Features = [layer.Features[3]] }).Features[0]);
        Assert.True(alone.Feature.Geometry.EqualsExact(published[0].Geometry), "the first feature is projected as alone");
        Assert.True(alone.Feature.Geometry.EqualsExact(published[1].Geometry), "the second feature shares the first's projection");
        Assert.True(alone.Other.Geometry.EqualsExact(published[3].Geometry), "the same geometry in another zone is projected in that zone");
        Assert.False(published[0].Geometry.EqualsExact(published[3].Geometry), "two zones, two places");
        Assert.Equal(["roads", "gas", "roads", "power"], published.Select(f => f.Properties.Single(p => p.Key == "utility").Value));
    }
}
