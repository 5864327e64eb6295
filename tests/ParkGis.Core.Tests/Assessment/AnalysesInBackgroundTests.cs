using ParkGis.Core.Assessment;
using ParkGis.Core.Data;
using ParkGis.Core.Errors;
using ParkGis.Core.Tests.Infrastructure;
using static ParkGis.Core.Tests.Infrastructure.ParkData;

namespace ParkGis.Core.Tests.Assessment;

public sealed class AnalysesInBackgroundTests
{
    private const double X = 500000, Y = 4400000;

    private static Dataset ParkWithRoad() => new ParkData()
        .Park("P1", Rectangle(X, Y, X + 1000, Y + 1000))
        .Parcel("A", "P1", Rectangle(X + 200, Y + 110, X + 300, Y + 160))
        .Parcel("B", "P1", Rectangle(X + 600, Y + 600, X + 700, Y + 700))
        .Add(LayerRole.Roads, "R1", Line(X + 100, Y + 100, X + 900, Y + 100))
        .Build();

    [Fact]
    public void A_result_begun_in_the_background_is_the_one_asked_for_later_not_computed_again()
    {
        var assessment = ParkAssessment.Of(ParkWithRoad());

        using (assessment.Begin(a => a.Infrastructure()))
        {
            var asked = assessment.Infrastructure();

            Assert.Same(asked, assessment.Infrastructure());
        }

        var alone = ParkAssessment.Of(ParkWithRoad()).Infrastructure();
        var roads = assessment.Infrastructure().Parks.Single().Utilities.Single(u => u.Utility == LayerRole.Roads);
        var roadsAlone = alone.Parks.Single().Utilities.Single(u => u.Utility == LayerRole.Roads);
        Assert.Equal(roadsAlone.Unserved.Select(u => (u.ParcelId, u.GapM)), roads.Unserved.Select(u => (u.ParcelId, u.GapM)));
        Assert.Equal(roadsAlone.Coverage, roads.Coverage);
        Assert.Equal(["B"], roads.Unserved.Select(u => u.ParcelId));
    }

    [Fact]
    public void An_input_error_of_a_background_analysis_is_thrown_where_its_result_is_asked_for_with_its_code()
    {
        // No parks layer: 九通一平 coverage cannot run (PG0102). Beginning it and waiting for it throw nothing.
        var noParks = new ParkData()
            .Parcel("A", "P1", Rectangle(X + 200, Y + 200, X + 300, Y + 300))
            .Add(LayerRole.Roads, "R1", Line(X + 100, Y + 100, X + 900, Y + 100))
            .Build();
        var assessment = ParkAssessment.Of(noParks);

        assessment.Begin(a => a.Infrastructure()).Dispose();

        var error = Assert.Throws<UnusableInputException>(() => assessment.Infrastructure());
        Assert.Equal(ErrorCodes.RequiredLayerMissing, error.Code);
    }

    [Fact]
    public void Disposing_waits_until_every_background_analysis_has_stopped()
    {
        var assessment = ParkAssessment.Of(ParkWithRoad());
        var finished = 0;

        assessment.Begin(
            _ => { Thread.Sleep(150); Interlocked.Increment(ref finished); },
            _ => { Thread.Sleep(300); Interlocked.Increment(ref finished); }).Dispose();

        Assert.Equal(2, Volatile.Read(ref finished));
    }

    [Fact]
    public void A_cancelled_assessment_stops_its_background_analysis_and_says_cancelled_where_asked()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        var assessment = ParkAssessment.Of(ParkWithRoad(), cancellation: cancel.Token);

        assessment.Begin(a => a.Infrastructure()).Dispose();

        Assert.ThrowsAny<OperationCanceledException>(() => assessment.Infrastructure());
    }

    [Fact]
    public void When_the_callers_own_work_fails_the_background_analyses_are_stopped_not_waited_for_and_its_error_goes_on()
    {
        // A background analysis that would run until cancelled (60 s at most, so that a defect fails instead of hanging).
        var assessment = ParkAssessment.Of(ParkWithRoad());
        var stoppedByCancellation = false;
        var background = assessment.Begin(a =>
        {
            for (var i = 0; i < 6000 && !a.Cancellation.IsCancellationRequested; i++)
            {
                Thread.Sleep(10);
            }

            stoppedByCancellation = a.Cancellation.IsCancellationRequested;
        });

        var error = Assert.Throws<UnusableInputException>(() => background.AbandonIfFails<int>(
            () => throw new UnusableInputException(ErrorCodes.UnreadableInput, "economics.csv cannot be read", "economics.csv")));
        background.Dispose();

        Assert.Equal(ErrorCodes.UnreadableInput, error.Code);
        Assert.True(stoppedByCancellation);
    }

    [Fact]
    public void When_the_callers_own_work_succeeds_the_background_analyses_are_left_to_finish()
    {
        var assessment = ParkAssessment.Of(ParkWithRoad());

        int asked;
        using (var background = assessment.Begin(a => a.Infrastructure()))
        {
            asked = background.AbandonIfFails(() => assessment.Conflicts().Parks.Count);
        }

        Assert.Equal(1, asked);
        Assert.False(assessment.Cancellation.IsCancellationRequested);
        Assert.Equal(["B"], assessment.Infrastructure().Parks.Single().Utilities.Single(u => u.Utility == LayerRole.Roads).Unserved.Select(u => u.ParcelId));
    }
}
