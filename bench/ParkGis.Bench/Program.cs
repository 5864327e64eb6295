using System.Globalization;
using BenchmarkDotNet.Running;
using ParkGis.Bench;

string Arg(string name, string fallback) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
int Number(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;

switch (args.FirstOrDefault())
{
    case "probe" when args.Length >= 2:
        return Probe.Run(args[1], Number(2, 3));
    case "read" when args.Length >= 2:
        return ReadBench.Read(args[1], Number(2, 1), args.Contains("--check"));
    case "floor" when args.Length >= 3:
        return ReadBench.Floor(args[1], args[2], Number(3, 3));
    case "intensity" when args.Length >= 2:
        return IntensityProbe.Run(args[1], Number(2, 3), Number(3, 2025));
    case "memory" when args.Length >= 2:
        return MemoryProbe.Run(args[1]);
    case "networks" when args.Length >= 2:
        return InfraProbe.Run(args[1]);
    case "sample":
    {
        // parkgis-bench sample --scale S [--out DIR] [--seed N] [--geojson]
        var scale = int.Parse(Arg("--scale", "100"), CultureInfo.InvariantCulture);
        if (scale < 1)
        {
            Console.Error.WriteLine("--scale must be at least 1");
            return 2;
        }

        var path = SampleGenerator.Write(
            scale, Arg("--out", "/tmp/parkgis-bench-data/city"), int.Parse(Arg("--seed", "20240601"), CultureInfo.InvariantCulture), args.Contains("--geojson"), Console.Out);
        Console.WriteLine($"wrote {path}");
        return 0;
    }

    default:
        BenchmarkSwitcher.FromAssembly(typeof(Probe).Assembly).Run(args);
        return 0;
}
