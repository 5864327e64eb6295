namespace ParkGis.Gdal;

/// <summary>The type of an attribute field written through OGR.</summary>
public enum OgrFieldKind
{
    /// <summary>Text (written at the driver's widest: 254 bytes in a DBF).</summary>
    Text,

    /// <summary>A double.</summary>
    Real,

    /// <summary>A 64-bit integer.</summary>
    Integer,

    /// <summary>A calendar date (a <see cref="DateOnly"/> value).</summary>
    Date,
}
