namespace ParkGis.Gdal;

/// <summary>libgdal could not be loaded; <see cref="Tried"/> lists the library names tried.</summary>
public sealed class GdalUnavailableException : Exception
{
    /// <summary>Creates the exception for the names tried.</summary>
    public GdalUnavailableException(IReadOnlyList<string> tried)
        : base("libgdal could not be loaded (tried " + string.Join(", ", tried) + ").")
    {
        Tried = tried;
    }

    /// <summary>Creates the exception.</summary>
    public GdalUnavailableException()
        : this([])
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public GdalUnavailableException(string message)
        : base(message)
    {
        Tried = [];
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public GdalUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
        Tried = [];
    }

    /// <summary>The library names or paths tried, in order.</summary>
    public IReadOnlyList<string> Tried { get; }
}
