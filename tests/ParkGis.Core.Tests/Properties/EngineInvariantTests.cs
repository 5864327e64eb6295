using FsCheck.Xunit;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;
using ParkGis.Core.Conflicts;
using ParkGis.Core.Data;
using ParkGis.Core.Tests.Conflicts;

namespace ParkGis.Core.Tests.Properties;

/// <summary>Invariants of the engine on random valid polygons (FsCheck generates and shrinks the seeds).</summary>
public sealed class EngineInvariantTests
{
    [Property(MaxTest = 300)]
    public bool Intersection_and_difference_add_up_to_the_whole(int seedA, int seedB)
    {
        var a = RandomPolygons.Star(seedA);
        var b = RandomPolygons.Star(seedB);

        var inside = OverlayNGRobust.Overlay(a, b, SpatialFunction.Intersection).Area;
        var outside = OverlayNGRobust.Overlay(a, b, SpatialFunction.Difference).Area;

        return Math.Abs(inside + outside - a.Area) <= 1e-9 * a.Area;
    }

    [Property(MaxTest = 100)]
    public bool Conflict_area_never_exceeds_the_park_area(int parkSeed, int redSeed1, int redSeed2, int farmSeed)
    {
        var result = Check(parkSeed, [redSeed1, redSeed2], [farmSeed]);
        var park = result.Parks.Single();

        return park.Conflicts.Values.All(tally => tally.AreaM2 <= park.AreaM2 * (1 + 1e-12));
    }

    [Property(MaxTest = 100)]
    public bool Conflict_areas_do_not_depend_on_feature_order(int parkSeed, int redSeed1, int redSeed2, int redSeed3)
    {
        int[] red = [redSeed1, redSeed2, redSeed3];
        var forward = Check(parkSeed, red, []).Parks.Single().Conflicts[ConflictKind.EcologicalRedline];
        var backward = Check(parkSeed, [.. red.Reverse()], []).Parks.Single().Conflicts[ConflictKind.EcologicalRedline];

        return Math.Abs(forward.AreaM2 - backward.AreaM2) <= 1e-9 * Math.Max(1, forward.AreaM2)
            && forward.Patches == backward.Patches;
    }

    private static ConflictCheckResult Check(int parkSeed, int[] redSeeds, int[] farmSeeds)
    {
        var data = new TestDatasets()
            .With(LayerRole.Parks, RandomPolygons.Star(parkSeed).ToText())
            .With(LayerRole.EcologicalRedline, [.. redSeeds.Select(s => RandomPolygons.Star(s).ToText())]);
        if (farmSeeds.Length > 0)
        {
            data = data.With(LayerRole.PermanentFarmland, [.. farmSeeds.Select(s => RandomPolygons.Star(s).ToText())]);
        }

        return new ConflictCheck(ConflictCheckOptions.Default).Check(data.Build());
    }
}
