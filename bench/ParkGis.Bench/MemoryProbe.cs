using System.Globalization;
using ParkGis.Core.Assessment;
using ParkGis.Core.Conflicts;
using ParkGis.Core.Data;
using ParkGis.IO.Datasets;

namespace ParkGis.Bench;

/// <summary>
/// <c>parkgis-bench memory DATASET</c>: the live managed heap after each stage of the check's reading and screening
/// (full blocking collections between stages), and what the parcels layer alone holds.
/// </summary>
internal static class MemoryProbe
{
    public static int Run(string folder)
    {
        static long Live() => GC.GetTotalMemory(forceFullCollection: true);
        void Say(string what, long bytes) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what,-44} {bytes / 1048576.0,9:0.0} MB"));
        var start = Live();
        var fields = new Dictionary<LayerRole, IReadOnlyList<string>>(ConflictCheck.FieldsUsed);
        var data = DatasetReader.Read(DatasetReader.Discover(folder), onlyFields: fields, controlsWithinReach: true);
        var read = Live();
        Say("read (check's fields, controls within reach)", read - start);
        data = ConflictCheck.KeepWithinReach(data);
        var reach = Live();
        Say("control layers within reach", reach - start);
        var parcels = data.Find(LayerRole.Parcels)!;
        var vertices = parcels.Features.Sum(f => (long)f.Geometry!.NumPoints);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"parcels: {parcels.Features.Count} features, {vertices} vertices"));
        var assessment = ParkAssessment.Of(data);
        assessment.Screen(LayerRole.Parks, LayerRole.EcologicalRedline, LayerRole.PermanentFarmland, LayerRole.UrbanBoundary, LayerRole.Parcels);
        var screened = Live();
        Say("screened", screened - start);
        var parcelsScreened = assessment.Screened(LayerRole.Parcels)!;
        var crs = parcelsScreened.AnalysisCrsOfAll.First();
        parcelsScreened.Projections.In(crs);
        var projected = Live();
        Say("parcels projected + indexed", projected - start);
        var result = assessment.Conflicts();
        Say("after the check", Live() - start);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"overlap {result.Parcels?.ParcelOverlap.AreaM2}"));
        GC.KeepAlive(assessment);
        assessment = null!;
        data = null!;
        result = null!;
        parcelsScreened = null!;
        var parcelsAlone = Live();
        GC.KeepAlive(parcels);
        Say("the parcels layer as read, alone", parcelsAlone - start);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {(double)(parcelsAlone - start) / parcels.Features.Count:0} bytes per parcel, {(double)(parcelsAlone - start) / vertices:0} per vertex"));
        return 0;
    }
}
