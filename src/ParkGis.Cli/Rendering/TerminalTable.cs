using System.Text;

namespace ParkGis.Cli.Rendering;

/// <summary>
/// A table for the terminal (终端表格) that never runs past <see cref="MaxColumns"/> display columns, wide (CJK)
/// characters counted as two (<see cref="TextWidth"/>): a label column on the left, value columns right-aligned, each as
/// wide as its widest cell. When the columns do not fit, they are split into several tables that each repeat the label
/// column; when even one value column does not fit beside the widest label, every row becomes a block — the label on
/// its own line, then one <c>header: value</c> line per column. Labels are escaped (<see cref="TerminalText"/>) before
/// they are measured, so a name holding control characters is measured as it is printed.
/// </summary>
internal sealed class TerminalTable
{
    /// <summary>The widest a line may be.</summary>
    public const int MaxColumns = 100;

    private const int Gap = 2;
    private readonly string _labelHeader;
    private readonly string[] _headers;
    private readonly List<(string Label, string[] Cells)> _rows = [];

    /// <summary>A table whose label column is headed <paramref name="labelHeader"/> and whose value columns are <paramref name="headers"/>.</summary>
    public TerminalTable(string labelHeader, params string[] headers)
    {
        ArgumentNullException.ThrowIfNull(labelHeader);
        ArgumentNullException.ThrowIfNull(headers);
        _labelHeader = TerminalText.Escape(labelHeader);
        _headers = [.. headers.Select(TerminalText.Escape)];
    }

    /// <summary>Adds a row; it must have one cell per value column.</summary>
    public void Add(string label, params string[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != _headers.Length)
        {
            throw new ArgumentException($"A row of {cells.Length} cells in a table of {_headers.Length} columns.", nameof(cells));
        }

        _rows.Add((TerminalText.Escape(label), [.. cells.Select(TerminalText.Escape)]));
    }

    /// <summary>Writes the table, each line starting with <paramref name="indent"/>.</summary>
    public void Write(TextWriter output, string indent = "")
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(indent);
        var room = MaxColumns - TextWidth.Of(indent);
        var labelWidth = _rows.Select(r => TextWidth.Of(r.Label)).Append(TextWidth.Of(_labelHeader)).Max();
        var widths = _headers.Select((h, i) => _rows.Select(r => TextWidth.Of(r.Cells[i])).Append(TextWidth.Of(h)).Max() + Gap).ToArray();
        if (widths.Length > 0 && labelWidth + widths.Max() > room)
        {
            WriteBlocks(output, indent);
            return;
        }

        var first = 0;
        while (first < widths.Length || (first == 0 && widths.Length == 0))
        {
            var last = first;
            var used = labelWidth;
            while (last < widths.Length && used + widths[last] <= room)
            {
                used += widths[last++];
            }

            if (first > 0)
            {
                output.WriteLine();
            }

            WriteLine(output, indent, _labelHeader, labelWidth, _headers, widths, first, last);
            foreach (var (label, cells) in _rows)
            {
                WriteLine(output, indent, label, labelWidth, cells, widths, first, last);
            }

            if (last == first)
            {
                break;
            }

            first = last;
        }
    }

    /// <summary>Writes <paramref name="items"/> separated by two spaces, starting a new line before one that would pass <see cref="MaxColumns"/>.</summary>
    public static void Flow(TextWriter output, IEnumerable<string> items)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(items);
        var line = new StringBuilder();
        var width = 0;
        foreach (var item in items.Select(TerminalText.Escape))
        {
            var itemWidth = TextWidth.Of(item);
            if (width > 0 && width + Gap + itemWidth > MaxColumns)
            {
                output.WriteLine(line.ToString());
                line.Clear();
                width = 0;
            }

            if (width > 0)
            {
                line.Append(' ', Gap);
                width += Gap;
            }

            line.Append(item);
            width += itemWidth;
        }

        if (width > 0)
        {
            output.WriteLine(line.ToString());
        }
    }

    private static void WriteLine(TextWriter output, string indent, string label, int labelWidth, string[] cells, int[] widths, int first, int last)
    {
        var line = new StringBuilder(indent).Append(TextWidth.PadRight(label, labelWidth));
        for (var i = first; i < last; i++)
        {
            line.Append(TextWidth.PadLeft(cells[i], widths[i]));
        }

        output.WriteLine(line.ToString().TrimEnd());
    }

    private void WriteBlocks(TextWriter output, string indent)
    {
        var headerWidth = _headers.Max(TextWidth.Of);
        foreach (var (label, cells) in _rows)
        {
            foreach (var piece in Wrap(label, MaxColumns - TextWidth.Of(indent)))
            {
                output.WriteLine(indent + piece);
            }

            for (var i = 0; i < cells.Length; i++)
            {
                output.WriteLine(indent + "  " + TextWidth.PadRight(_headers[i], headerWidth) + "  " + cells[i]);
            }
        }
    }

    /// <summary><paramref name="text"/> cut into pieces of at most <paramref name="columns"/> display columns (never inside a surrogate pair).</summary>
    private static IEnumerable<string> Wrap(string text, int columns)
    {
        var piece = new StringBuilder();
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var runeWidth = TextWidth.Of(rune.ToString());
            if (width + runeWidth > columns && width > 0)
            {
                yield return piece.ToString();
                piece.Clear();
                width = 0;
            }

            piece.Append(rune.ToString());
            width += runeWidth;
        }

        yield return piece.ToString();
    }
}
