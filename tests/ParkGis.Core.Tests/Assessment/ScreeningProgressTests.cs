using ParkGis.Core.Assessment;
using ParkGis.Core.Data;
using ParkGis.Core.Tests.Supply;
using static ParkGis.Core.Tests.Supply.LandTestData;

namespace ParkGis.Core.Tests.Assessment;

/// <summary>The progress lines of layers screened in parallel (<see cref="ParkAssessment.Screen"/>) come in one order in every run.</summary>
public sealed class ScreeningProgressTests
{
    /// <summary>
    /// Records progress lines; the first line is recorded only once a second line has been reported (or after a second),
    /// as a slow terminal or a descheduled thread would let it: a line reported meanwhile by another screening running at
    /// the same time is recorded before it.
    /// </summary>
    private sealed class SlowFirstLine : IProgress<string>
    {
        private readonly Lock _gate = new();
        private readonly ManualResetEventSlim _second = new();
        private int _calls;

        public List<string> Lines { get; } = [];

        public void Report(string value)
        {
            if (Interlocked.Increment(ref _calls) == 1)
            {
                _second.Wait(TimeSpan.FromSeconds(1));
            }
            else
            {
                _second.Set();
            }

            lock (_gate)
            {
                Lines.Add(value);
            }
        }
    }

    [Fact]
    public void Two_screening_lines_keep_the_order_of_the_layers_even_when_the_first_line_is_slow_to_print()
    {
        for (var run = 0; run < 2; run++)
        {
            var data = new LandTestData()
                .Add(LayerRole.Parks, "P1", Box(0, 0, 100, 100), ("park_id", "P1"), ("name", "甲园区"))
                .Parcel("a", Box(10, 10, 20, 20))
                .Parcel("b", Box(30, 30, 40, 40));
            var progress = new SlowFirstLine();
            var assessment = ParkAssessment.Of(data.Build(), progress: progress);

            assessment.Screen(LayerRole.Parcels, LayerRole.Parks);

            var screening = progress.Lines.Where(l => l.Contains(LayerRoles.Name(LayerRole.Parcels), StringComparison.Ordinal)
                || l.Contains(LayerRoles.Name(LayerRole.Parks), StringComparison.Ordinal)).ToList();
            Assert.True(screening.Count == 2, string.Join('\n', progress.Lines));
            Assert.True(screening[0].Contains("parcels", StringComparison.Ordinal) && screening[1].Contains("parks", StringComparison.Ordinal),
                $"run {run}: the lines came as\n{string.Join('\n', screening)}");
        }
    }

    [Fact]
    public void A_layer_screened_in_parallel_after_being_screened_alone_is_announced_once()
    {
        var data = new LandTestData()
            .Add(LayerRole.Parks, "P1", Box(0, 0, 100, 100), ("park_id", "P1"), ("name", "甲园区"))
            .Parcel("a", Box(10, 10, 20, 20));
        var lines = new List<string>();
        var assessment = ParkAssessment.Of(data.Build(), progress: new Progress(lines));

        Assert.NotNull(assessment.Screened(LayerRole.Parks));
        assessment.Screen(LayerRole.Parcels, LayerRole.Parks);
        assessment.Screen(LayerRole.Parks, LayerRole.Parcels);

        Assert.Equal(2, lines.Count);
        Assert.Contains("parks", lines[0], StringComparison.Ordinal);
        Assert.Contains("parcels", lines[1], StringComparison.Ordinal);
    }

    private sealed class Progress(List<string> lines) : IProgress<string>
    {
        public void Report(string value)
        {
            lock (lines)
            {
                lines.Add(value);
            }
        }
    }
}
