using NetTopologySuite.Geometries;

namespace ParkGis.Core.WebFrames;

/// <summary>
/// Converts lon/lat geometries from WGS 84 / CGCS2000 into a web-map frame, counting the points left unchanged
/// because they lie outside China. One instance per export run: the counts add up over every geometry converted, from
/// any number of threads.
/// </summary>
public sealed class WebFrameConversion
{
    private long _converted;
    private long _outsideChina;

    /// <summary>Creates a conversion into <paramref name="frame"/>.</summary>
    public WebFrameConversion(WebMapFrame frame) => Frame = frame;

    /// <summary>The target frame.</summary>
    public WebMapFrame Frame { get; }

    /// <summary>Points converted so far.</summary>
    public long ConvertedPoints => Interlocked.Read(ref _converted);

    /// <summary>Points left unchanged so far because they lie outside China.</summary>
    public long OutsideChinaPoints => Interlocked.Read(ref _outsideChina);

    /// <summary>A converted copy of <paramref name="geometry"/> (x = longitude, y = latitude); the input is not changed.</summary>
    public Geometry Apply(Geometry geometry)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        if (Frame == WebMapFrame.Wgs84)
        {
            return geometry;
        }

        var copy = geometry.Copy();
        var filter = new PointFilter(this);
        copy.Apply(filter);
        copy.GeometryChanged();
        return copy;
    }

    private sealed class PointFilter(WebFrameConversion owner) : IEntireCoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq)
        {
            long converted = 0;
            for (var i = 0; i < seq.Count; i++)
            {
                var (x, y, inChina) = ChinaWebFrameFormula.FromWgs84(owner.Frame, seq.GetX(i), seq.GetY(i));
                seq.SetX(i, x);
                seq.SetY(i, y);
                converted += inChina ? 1 : 0;
            }

            Interlocked.Add(ref owner._converted, converted);
            Interlocked.Add(ref owner._outsideChina, seq.Count - converted);
        }
    }
}
