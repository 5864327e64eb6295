using System.Globalization;
using BenchmarkDotNet.Running;
using ParkGis.Bench;

if (args.Length >= 2 && args[0] == "probe")
{
    return Probe.Run(args[1], args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3);
}

if (args.Length >= 1 && args[0] == "sample")
{
    // parkgis-bench sample --scale S [--out DIR] [--seed N]
    string Arg(string name, string fallback) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    var clock = System.Diagnostics.Stopwatch.StartNew();
    var path = SampleGenerator.Write(
        int.Parse(Arg("--scale", "100"), CultureInfo.InvariantCulture), Arg("--out", "/tmp/parkgis-bench-data-cs"), int.Parse(Arg("--seed", "20240601"), CultureInfo.InvariantCulture));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {path} in {clock.Elapsed.TotalSeconds:0.0} s"));
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(Probe).Assembly).Run(args);
return 0;
