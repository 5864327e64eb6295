using System.Text;
using Microsoft.Win32.SafeHandles;
using ParkGis.Cli.Localization;
using ParkGis.Core.Errors;

namespace ParkGis.Cli;

/// <summary>
/// Stdout or stderr of <c>parkgis</c>, with a defined outcome when the stream cannot be written (its disk is full,
/// <c>&gt; /dev/full</c>; a pipe whose reader has gone, <c>| head -c 10</c>):
/// <list type="bullet">
/// <item>stdout (<see cref="ForResults"/>): the first failed write throws PG0404 (<see cref="UnusableInputException"/>,
/// exit 3), before the command commits its files; later writes and flushes do nothing, so the report of the failure
/// and the end of the run never meet the same failure again.</item>
/// <item>stderr (<see cref="ForMessages"/>): progress, warnings and error reports are dropped from the first failed
/// write on; the exit code stays what the run decides (nothing can be said on a stream that cannot be written).</item>
/// </list>
/// </summary>
internal sealed class StandardStreamWriter : TextWriter
{
    private const int BrokenPipe = 32; // EPIPE: on Unix an IOException's HResult is the errno
    private const int NoSpaceLeft = 28; // ENOSPC

    private readonly TextWriter _inner;
    private readonly bool _results;
    private readonly Lock _gate = new();
    private bool _broken;

    private StandardStreamWriter(TextWriter inner, bool results)
        : base(inner.FormatProvider)
    {
        _inner = inner;
        _results = results;
    }

    /// <summary>The writer for results (stdout): a failed write is PG0404.</summary>
    public static StandardStreamWriter ForResults(TextWriter inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        return new StandardStreamWriter(inner, results: true);
    }

    /// <summary>The writer for messages (stderr): a failed write silences it.</summary>
    public static StandardStreamWriter ForMessages(TextWriter inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        return new StandardStreamWriter(inner, results: false);
    }

    /// <summary>
    /// The process's stdout: when it is a pipe or a socket, a writer of its own on file descriptor 1, because .NET's
    /// console stream treats a broken pipe (EPIPE) as success and would let a run whose reader has gone end as if its
    /// results had been read; otherwise (a terminal, a file, a device) the console's writer.
    /// </summary>
    public static TextWriter ProcessStdout()
    {
        if (!OperatingSystem.IsLinux() || !IsPipeOrSocket("/proc/self/fd/1"))
        {
            return Console.Out;
        }

        try
        {
            var stream = new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0);
            if (stream.CanSeek)
            {
                stream.Dispose();
                return Console.Out;
            }

            return new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 4096) { AutoFlush = true };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return Console.Out;
        }
    }

    private static bool IsPipeOrSocket(string descriptor)
    {
        try
        {
            return new FileInfo(descriptor).LinkTarget is { } target
                && (target.StartsWith("pipe:", StringComparison.Ordinal) || target.StartsWith("socket:", StringComparison.Ordinal));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>True once a write has failed.</summary>
    public bool IsBroken
    {
        get
        {
            lock (_gate)
            {
                return _broken;
            }
        }
    }

    /// <inheritdoc />
    public override Encoding Encoding => _inner.Encoding;

    /// <inheritdoc />
    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string NewLine
    {
        get => _inner.NewLine;
        set => _inner.NewLine = value;
    }

    /// <inheritdoc />
    public override void Write(char value) => Guard(() => _inner.Write(value));

    /// <inheritdoc />
    public override void Write(string? value) => Guard(() => _inner.Write(value));

    /// <inheritdoc />
    public override void Write(char[] buffer, int index, int count) => Guard(() => _inner.Write(buffer, index, count));

    /// <inheritdoc />
    public override void WriteLine() => Guard(_inner.WriteLine);

    /// <inheritdoc />
    public override void WriteLine(string? value) => Guard(() => _inner.WriteLine(value));

    /// <inheritdoc />
    public override void Flush() => Guard(_inner.Flush);

    private void Guard(Action write)
    {
        lock (_gate)
        {
            if (_broken)
            {
                return;
            }

            try
            {
                write();
                return;
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or UnauthorizedAccessException)
            {
                _broken = true;
                if (_results)
                {
                    throw new UnusableInputException(
                        ErrorCodes.StdoutNotWritable, Text.Format("StdoutNotWritable", FailureReason(e)), Text.Get("StdoutName"),
                        hint: Text.Get("StdoutNotWritableHint"), inner: e);
                }
            }
        }
    }

    /// <summary>
    /// Why stdout could not be written, in the reader's language: a closed descriptor (<c>&gt;&amp;-</c>; .NET reports
    /// EBADF as access denied, which would mislead), a pipe whose reader has gone (EPIPE) or a full disk (ENOSPC), with
    /// the system's own words beside the last two; anything else in the system's words.
    /// </summary>
    private static string FailureReason(Exception e) => e switch
    {
        UnauthorizedAccessException => Text.Get("StdoutClosed"),
        IOException { HResult: BrokenPipe } => Text.Format("StdoutReaderGone", e.Message),
        IOException { HResult: NoSpaceLeft } => Text.Format("StdoutDiskFull", e.Message),
        _ => e.Message,
    };
}
