using System.Collections.Concurrent;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;

namespace ParkGis.Core.Analysis;

/// <summary>
/// Square windows cut from one large polygonal feature — a red-line polygon (生态保护红线) or a park boundary with
/// thousands of vertices — so that the overlay of a small subject such as a parcel touches the hundred or so
/// vertices near it instead of walking the whole ring every time. Each window is cut once, with OverlayNGRobust,
/// when a subject first needs it, and is shared by all threads.
/// </summary>
/// <remarks>
/// The windows tile the plane in cells of side <see cref="CellSize"/>; a window is its cell grown by half a cell on
/// every side. A subject is served by the window of the cell holding its envelope's centre when its envelope lies
/// inside that cell grown by a quarter cell, so it stays a quarter cell away from the window's edge. For such a
/// subject, subject ∩ window = subject ∩ feature; any other subject gets the whole feature.
/// Windows are cut from the window of a coarser grid (cells <see cref="CoarseFactor"/> times larger) when the
/// feature spans several coarse cells, so that most cuts walk a small piece rather than the whole ring.
/// </remarks>
internal sealed class FeatureWindows
{
    /// <summary>Features with fewer vertices are overlaid whole: cutting windows would not pay.</summary>
    public const int MinVertices = 512;

    /// <summary>About this many boundary vertices cross one cell.</summary>
    private const double VerticesPerCell = 100;

    /// <summary>Smallest cell side in metres, so that parcels still fit on densely digitised boundaries.</summary>
    private const double MinCellSize = 256;

    /// <summary>How much larger the cells of the coarser grid are.</summary>
    private const double CoarseFactor = 8;

    private readonly Geometry _feature;
    private readonly FeatureWindows? _coarse;
    private readonly ConcurrentDictionary<(long Column, long Row), Lazy<Geometry>> _windows = new();

    /// <summary>Prepares the windows of a valid polygonal feature in a projected CRS (metres).</summary>
    public FeatureWindows(Geometry feature)
        : this(feature, CellSizeFor(feature))
    {
    }

    private FeatureWindows(Geometry feature, double cellSize)
    {
        _feature = feature ?? throw new ArgumentNullException(nameof(feature));
        CellSize = cellSize;
        var extent = Math.Max(feature.EnvelopeInternal.Width, feature.EnvelopeInternal.Height);
        _coarse = extent > 2 * CoarseFactor * cellSize ? new FeatureWindows(feature, CoarseFactor * cellSize) : null;
    }

    /// <summary>The cell side in metres.</summary>
    public double CellSize { get; }

    /// <summary>A geometry whose intersection with any subject inside <paramref name="subject"/> equals the feature's.</summary>
    public Geometry Around(Envelope subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var column = Math.Floor(subject.Centre.X / CellSize);
        var row = Math.Floor(subject.Centre.Y / CellSize);
        var x0 = column * CellSize;
        var y0 = row * CellSize;
        var slack = CellSize / 4;
        if (subject.MinX < x0 - slack || subject.MaxX > x0 + CellSize + slack || subject.MinY < y0 - slack || subject.MaxY > y0 + CellSize + slack)
        {
            return _feature;
        }

        var margin = CellSize / 2;
        var window = new Envelope(x0 - margin, x0 + CellSize + margin, y0 - margin, y0 + CellSize + margin);
        return _windows.GetOrAdd(((long)column, (long)row), _ => new Lazy<Geometry>(() => Cut(window))).Value;
    }

    private static double CellSizeFor(Geometry feature)
    {
        var spacing = feature.Length / Math.Max(1, feature.NumPoints);
        return Math.Max(MinCellSize, VerticesPerCell * spacing);
    }

    private Geometry Cut(Envelope window)
    {
        // The coarse window around this window equals the feature inside it, so cutting from it is cutting from the feature.
        var source = _coarse?.Around(window) ?? _feature;
        if (window.Covers(source.EnvelopeInternal))
        {
            return source;
        }

        return OverlayNGRobust.Overlay(source, _feature.Factory.ToGeometry(window), SpatialFunction.Intersection);
    }
}
