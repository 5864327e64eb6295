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
/// </remarks>
internal sealed class FeatureWindows
{
    /// <summary>Features with fewer vertices are overlaid whole: cutting windows would not pay.</summary>
    public const int MinVertices = 512;

    /// <summary>About this many boundary vertices cross one cell.</summary>
    private const double VerticesPerCell = 100;

    /// <summary>Smallest cell side in metres, so that parcels still fit on densely digitised boundaries.</summary>
    private const double MinCellSize = 256;

    private readonly Geometry _feature;
    private readonly ConcurrentDictionary<(long Column, long Row), Lazy<Geometry>> _windows = new();

    /// <summary>Prepares the windows of a valid polygonal feature in a projected CRS (metres).</summary>
    public FeatureWindows(Geometry feature)
    {
        _feature = feature ?? throw new ArgumentNullException(nameof(feature));
        var spacing = feature.Length / Math.Max(1, feature.NumPoints);
        CellSize = Math.Max(MinCellSize, VerticesPerCell * spacing);
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

    private Geometry Cut(Envelope window)
    {
        if (window.Covers(_feature.EnvelopeInternal))
        {
            return _feature;
        }

        return OverlayNGRobust.Overlay(_feature, _feature.Factory.ToGeometry(window), SpatialFunction.Intersection);
    }
}
