using System.Diagnostics;
using System.Globalization;
using ParkGis.Core.Data;
using ParkGis.Core.Infrastructure;
using ParkGis.IO.Datasets;

namespace ParkGis.Bench;

/// <summary>
/// <c>parkgis-bench networks DATASET</c>: per utility network, the time to build its service area
/// (<see cref="ServiceArea"/>: the layer's features indexed at the default distance, in the layer's CRS) and to
/// test every parcel against it — the two parts of <c>parkgis infrastructure</c>, one thread, one CRS; wall and
/// process CPU seconds (the CPU figure includes the collector's threads).
/// </summary>
internal static class InfraProbe
{
    public static int Run(string folder)
    {
        var data = DatasetReader.Read(folder);
        var parcels = data.Find(LayerRole.Parcels)!.Features.Select(f => f.Geometry!).ToList();
        foreach (var role in UtilityNetworks.All)
        {
            if (data.Find(role) is not { } layer)
            {
                continue;
            }

            var distance = InfrastructureOptions.Default.DistanceM(role);
            var clock = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var area = new ServiceArea([.. layer.Features.Select(f => f.Geometry!)], layer.Crs, distance);
            var build = clock.Elapsed.TotalSeconds;
            var buildCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            clock.Restart();
            cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var served = parcels.Count(area.Serves);
            var testCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{LayerRoles.Name(role),-13} {layer.Features.Count,7} features, {distance,4} m: index {build,6:0.00} s wall {buildCpu,6:0.00} s CPU; {parcels.Count} parcels tested {clock.Elapsed.TotalSeconds,5:0.00} s wall {testCpu,5:0.00} s CPU, {served} served"));
        }

        return 0;
    }
}
