namespace ParkGis.Core.Errors;

/// <summary>
/// Input that makes a run impossible (unreadable file, unknown CRS, two files claiming one role). Carries a
/// stable code (catalogued in docs/errors.md), the file and feature at fault, and a hint. The CLI prints it as
/// <c>error PGxxxx: message</c>, <c>  at file#feature</c>, <c>  hint: …</c> and exits 3. Data problems that
/// still allow a run are <see cref="Data.DataIssue"/> values instead.
/// </summary>
public sealed class UnusableInputException : Exception
{
    /// <summary>Creates the exception.</summary>
    public UnusableInputException(string code, string message, string? source = null, string? feature = null, string? hint = null, Exception? inner = null)
        : base(message, inner)
    {
        Code = code;
        InputName = source;
        Feature = feature;
        Hint = hint;
    }

    /// <summary>Creates the exception with a generic code.</summary>
    public UnusableInputException()
        : this(ErrorCodes.UnreadableInput, "Unusable input.")
    {
    }

    /// <summary>Creates the exception with a generic code.</summary>
    public UnusableInputException(string message)
        : this(ErrorCodes.UnreadableInput, message)
    {
    }

    /// <summary>Creates the exception with a generic code.</summary>
    public UnusableInputException(string message, Exception innerException)
        : this(ErrorCodes.UnreadableInput, message, inner: innerException)
    {
    }

    /// <summary>Stable error code, e.g. <c>PG0101</c>.</summary>
    public string Code { get; }

    /// <summary>The file, layer or connection at fault, when known.</summary>
    public string? InputName { get; }

    /// <summary>The feature at fault (id or <c>#ordinal</c>), when known.</summary>
    public string? Feature { get; }

    /// <summary>What the user can do about it.</summary>
    public string? Hint { get; }
}
