using ParkGis.Core.Localization;

namespace ParkGis.Core.Publishing;

/// <summary>
/// What <see cref="OutputGeometryPolicy"/> did to one written layer: parts dropped, features left without geometry,
/// inputs repaired, and the area change that rounding caused (reported when above
/// <see cref="ReportedRelativeAreaChange"/> of the layer's area). Safe to add to from several threads.
/// </summary>
public sealed class OutputGeometryTally
{
    /// <summary>A relative area change above this is reported (1e-6: 1 m² in 100 hectares).</summary>
    public const double ReportedRelativeAreaChange = 1e-6;

    private readonly Lock _gate = new();
    private double _areaBefore;
    private double _areaChange;

    /// <summary>Features added.</summary>
    public int Features { get; private set; }

    /// <summary>Parts (polygons, lines) that collapsed below the grid and were dropped.</summary>
    public int PartsDropped { get; private set; }

    /// <summary>Features whose whole geometry collapsed (written without a geometry).</summary>
    public int FeaturesEmptied { get; private set; }

    /// <summary>Features whose input geometry was not valid and was repaired.</summary>
    public int Repaired { get; private set; }

    /// <summary>Sum over features of |area after − area before| divided by the sum of areas before (0 when no area).</summary>
    public double RelativeAreaChange
    {
        get
        {
            lock (_gate)
            {
                return _areaBefore > 0 ? _areaChange / _areaBefore : 0;
            }
        }
    }

    /// <summary>True when something was dropped or repaired, or the area changed by more than the reported fraction.</summary>
    public bool IsWorthReporting => PartsDropped > 0 || FeaturesEmptied > 0 || Repaired > 0 || RelativeAreaChange > ReportedRelativeAreaChange;

    /// <summary>
    /// One line for stderr about <paramref name="file"/>, in the run's language: what was dropped or repaired and the relative area
    /// change (e.g. <c>conflicts.geojson：坐标取到 1e-07，舍去塌缩的碎片 2 个，面积相对变化 3.1e-06</c>).
    /// </summary>
    public string Describe(string file, double gridSize)
    {
        var parts = new List<string> { Localized.Format("TallyGrid", file, gridSize) };
        if (PartsDropped > 0)
        {
            parts.Add(Localized.Format("TallyPartsDropped", PartsDropped));
        }

        if (FeaturesEmptied > 0)
        {
            parts.Add(Localized.Format("TallyFeaturesEmptied", FeaturesEmptied));
        }

        if (Repaired > 0)
        {
            parts.Add(Localized.Format("TallyRepaired", Repaired));
        }

        parts.Add(Localized.Format("TallyAreaChange", RelativeAreaChange));
        return string.Join(Localized.Get("TallySeparator"), parts);
    }

    /// <summary>Adds what happened to one feature's geometry.</summary>
    public void Add(OutputGeometry output, bool inputWasEmpty = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        lock (_gate)
        {
            Features++;
            PartsDropped += output.PartsDropped;
            FeaturesEmptied += output.Geometry.IsEmpty && !inputWasEmpty ? 1 : 0;
            Repaired += output.Repaired ? 1 : 0;
            _areaBefore += output.AreaBefore;
            _areaChange += Math.Abs(output.AreaAfter - output.AreaBefore);
        }
    }
}
