using System.Diagnostics;
using System.Globalization;
using ParkGis.Core.Assessment;
using ParkGis.Core.Data;
using ParkGis.Core.Intensity;
using ParkGis.Core.Publishing;
using ParkGis.IO.Datasets;
using ParkGis.IO.Intensity;
using ParkGis.Web.Export;

namespace ParkGis.Bench;

/// <summary>
/// <c>parkgis-bench intensity DATASET [REPEAT] [YEAR]</c>: times the stages of <c>parkgis intensity</c> after the land
/// status (supply, idle) in one warm process: the evaluation, intensity.json, the CSV tables and intensity.geojson.
/// </summary>
internal static class IntensityProbe
{
    public static int Run(string folder, int repeat, int year)
    {
        var content = DatasetContent.ReadFolder(folder);
        var assessment = new ParkAssessment(content.ToAssessmentInputs(), AssessmentOptions.Default);
        var day = new DateOnly(year, 12, 31);
        var status = LandStatusFromSupply.From(assessment.ParkSupply(day), assessment.Idle(day));
        var options = new IntensityOptions(year, IntensityOptions.Default.BaselineYear, IntensityRules.Default);
        var output = Path.Combine(Path.GetTempPath(), "parkgis-intensity-probe");
        Directory.CreateDirectory(output);
        for (var r = 0; r < repeat; r++)
        {
            IntensityResult? result = null;
            Time("evaluate", () => result = new IntensityAnalysis(options).Analyze(assessment, status));
            Time("intensity.json", () => IntensityJsonWriter.Write(Path.Combine(output, "intensity.json"), result!));
            Time("intensity csv", () =>
            {
                IntensityTablesWriter.WriteParcels(Path.Combine(output, "intensity_parcels.csv"), result!);
                IntensityTablesWriter.WriteParks(Path.Combine(output, "intensity_parks.csv"), result!);
            });
            PublishedLayer? published = null;
            Time("publish layer", () => published = PublishedLayers.Of(IntensityResults.Parcels(result!, assessment.Layer(LayerRole.Parcels)!.Crs)));
            Time("intensity.geojson", () => WebExport.WriteLayer(published!, Path.Combine(output, "intensity.geojson")));
        }

        return 0;
    }

    private static void Time(string name, Action body)
    {
        if (Environment.GetEnvironmentVariable("PROBE_SKIP") is { } skip && skip.Split(',').Contains(name))
        {
            return;
        }

        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes();
        var gcs = GC.CollectionCount(0);
        body();
        var s = clock.Elapsed.TotalSeconds;
        var c = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-20} wall {s:0.000} s cpu {c:0.000} s alloc {(GC.GetTotalAllocatedBytes() - allocated) / 1e6:0} MB gen0 {GC.CollectionCount(0) - gcs}"));
    }
}
