using System.Text;

namespace ParkGis.Cli.Rendering;

/// <summary>
/// Wraps the stdout and stderr writers of <c>parkgis</c> so that every text printed — summaries, progress lines,
/// error reports, import and info output, help — passes through <see cref="TerminalText"/>. Only the line ends of
/// <c>WriteLine</c> (the tool's own newlines) reach the terminal as they are; a newline inside a written value (a
/// park name holding one) is escaped like any other control character.
/// </summary>
internal sealed class TerminalWriter(TextWriter inner) : TextWriter(inner.FormatProvider)
{
    /// <inheritdoc />
    public override Encoding Encoding => inner.Encoding;

    /// <inheritdoc />
    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string NewLine
    {
        get => inner.NewLine;
        set => inner.NewLine = value;
    }

    /// <inheritdoc />
    public override void Write(char value)
    {
        if (TerminalText.IsUnsafe(value))
        {
            inner.Write(TerminalText.Escape(value.ToString()));
        }
        else
        {
            inner.Write(value);
        }
    }

    /// <inheritdoc />
    public override void Write(string? value) => inner.Write(TerminalText.Escape(value));

    /// <inheritdoc />
    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<char> buffer) => Write(new string(buffer));

    /// <inheritdoc />
    public override void WriteLine() => inner.WriteLine();

    /// <inheritdoc />
    public override void WriteLine(string? value) => inner.WriteLine(TerminalText.Escape(value));

    /// <inheritdoc />
    public override void WriteLine(ReadOnlySpan<char> buffer) => WriteLine(new string(buffer));

    /// <inheritdoc />
    public override void Flush() => inner.Flush();
}
