using ParkGis.Core.Assessment;
using ParkGis.Core.Data;
using ParkGis.Core.Intensity;
using ParkGis.Core.Tests.Infrastructure;
using static ParkGis.Core.Tests.Infrastructure.ParkData;

namespace ParkGis.Core.Tests.Assessment;

public sealed class IntensityOnceTests
{
    private const double X = 500000, Y = 4400000;

    private static AssessmentInputs ParkWithEconomics()
    {
        var dataset = new ParkData()
            .Park("P1", Rectangle(X, Y, X + 1000, Y + 1000))
            .Parcel("A", "P1", Rectangle(X + 100, Y + 100, X + 200, Y + 200))
            .Build();
        var economics = new EconomicsTable(
            "economics.csv",
            new HashSet<string>(["parcel_id", "year", "output_wan"], StringComparer.Ordinal),
            [new EconomicsRecord(1, "A", null, 2024, OutputWan: 50), new EconomicsRecord(2, "A", null, 2025, OutputWan: 80)]);
        return new AssessmentInputs(dataset, DatasetSettings.None, () => economics);
    }

    [Fact]
    public void The_latest_year_and_that_year_by_number_are_one_result_computed_once()
    {
        var progress = new List<string>();
        var assessment = new ParkAssessment(ParkWithEconomics(), progress: new SynchronousProgress(progress));
        var asOf = new DateOnly(2026, 6, 30);

        var latest = assessment.Intensity(asOf: asOf);
        var byNumber = assessment.Intensity(IntensityOptions.Default with { Year = 2025 }, asOf);

        Assert.Same(latest, byNumber);
        Assert.Equal(2025, latest.Year);
        Assert.Single(progress, line => line == ParkGis.Core.Localization.Localized.Get("ProgressIntensityEvaluating"));
        Assert.NotSame(latest, assessment.Intensity(IntensityOptions.Default with { Year = 2024 }, asOf));
    }

    private sealed class SynchronousProgress(List<string> lines) : IProgress<string>
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
