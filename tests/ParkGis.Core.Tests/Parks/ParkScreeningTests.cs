using ParkGis.Core.Conflicts;
using ParkGis.Core.Data;
using ParkGis.Core.Errors;
using ParkGis.Core.Parks;
using ParkGis.Core.Tests.Conflicts;
using static ParkGis.Core.Tests.Conflicts.TestDatasets;

namespace ParkGis.Core.Tests.Parks;

public sealed class ParkScreeningTests
{
    private const double X = 500_000, Y = 4_400_000;

    [Fact]
    public void A_park_that_is_a_line_is_listed_as_not_analysed()
    {
        var parks = new TestDatasets().With(LayerRole.Parks, Square(X, Y, 100), FormattableString.Invariant($"LINESTRING({X + 200} {Y}, {X + 300} {Y})")).Build().Find(LayerRole.Parks)!;
        var issues = new List<DataIssue>();

        var kept = ParkScreening.Screen(parks, repairInvalid: false, issues);

        Assert.Equal(["P1"], kept.Select(p => p.Id));
        var issue = Assert.Single(issues, i => i.Code == DataIssueCodes.ParkNotAnalysed);
        Assert.Equal("P2", issue.Feature);
        Assert.Contains("LineString", issue.Message, StringComparison.Ordinal);
        Assert.Contains(issues, i => i.Code == DataIssueCodes.WrongGeometryType && i.Feature == "P2");
    }

    [Fact]
    public void No_park_that_can_be_analysed_is_unusable_input_naming_the_layer_and_the_reasons()
    {
        // P1 a bow-tie, P2 a point.
        var data = new TestDatasets().With(LayerRole.Parks,
            FormattableString.Invariant($"POLYGON(({X} {Y}, {X + 100} {Y + 100}, {X + 100} {Y}, {X} {Y + 100}, {X} {Y}))"),
            FormattableString.Invariant($"POINT({X} {Y})")).Build();

        var error = Assert.Throws<UnusableInputException>(() => ConflictCheck.Run(data));

        Assert.Equal(ErrorCodes.NoAnalysablePark, error.Code);
        Assert.Equal("parks.wkt", error.InputName);
        Assert.Contains("P1: invalid geometry: Self-intersection", error.Message, StringComparison.Ordinal);
        Assert.Contains("P2: the geometry is a Point", error.Message, StringComparison.Ordinal);
        Assert.Contains("--fix", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_parks_layer_is_unusable_input()
    {
        var data = new TestDatasets().With(LayerRole.Parks).Build();

        var error = Assert.Throws<UnusableInputException>(() => ConflictCheck.Run(data));

        Assert.Equal(ErrorCodes.NoAnalysablePark, error.Code);
        Assert.Contains("has no features", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_fix_a_bow_tie_park_is_repaired_and_analysed()
    {
        var parks = new TestDatasets().With(LayerRole.Parks,
            FormattableString.Invariant($"POLYGON(({X} {Y}, {X + 100} {Y + 100}, {X + 100} {Y}, {X} {Y + 100}, {X} {Y}))")).Build().Find(LayerRole.Parks)!;
        var issues = new List<DataIssue>();

        var kept = ParkScreening.Screen(parks, repairInvalid: true, issues);

        Assert.Single(kept);
        Assert.DoesNotContain(issues, i => i.Code == DataIssueCodes.ParkNotAnalysed);
    }
}
