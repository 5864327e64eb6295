namespace ParkGis.Gdal;

/// <summary>GDAL/OGR refused a source or a layer; the message carries GDAL's own last error (CPLGetLastErrorMsg).</summary>
public sealed class OgrException : Exception
{
    /// <summary>Creates the exception.</summary>
    public OgrException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public OgrException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public OgrException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
