using System.Globalization;
using System.Text;

namespace ParkGis.Core.Crs;

/// <summary>
/// A small tolerant WKT reader for CRS definitions (OGC WKT1, ESRI .prj, WKT2): keywords with arguments in
/// square brackets or parentheses, quoted strings (<c>""</c> escapes a quote), numbers and bare words. It does not
/// know the CRS grammar; <see cref="WktCrsRecognizer"/> interprets the tree.
/// </summary>
internal static class WktParser
{
    /// <summary>Parses the first WKT object in <paramref name="text"/>; null when the text is not well-formed WKT.</summary>
    public static WktNode? TryParse(string text)
    {
        var reader = new Reader(text);
        try
        {
            reader.SkipWhitespace();
            WktNode? node = reader.ReadNode();
            return node;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static bool TryParseNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    private sealed class Reader(string text)
    {
        private const int MaxDepth = 64;
        private int _position;
        private int _depth;

        public void SkipWhitespace()
        {
            while (_position < text.Length && (char.IsWhiteSpace(text[_position]) || text[_position] == '\uFEFF'))
            {
                _position++;
            }
        }

        public WktNode ReadNode()
        {
            string keyword = ReadWord();
            if (keyword.Length == 0 || !char.IsLetter(keyword[0]))
            {
                throw new FormatException("A WKT keyword was expected.");
            }

            SkipWhitespace();
            if (_position >= text.Length || (text[_position] != '[' && text[_position] != '('))
            {
                throw new FormatException("An opening bracket was expected after a keyword.");
            }

            _position++;
            if (++_depth > MaxDepth)
            {
                throw new FormatException("WKT is nested too deeply.");
            }

            var arguments = new List<object>();
            SkipWhitespace();
            if (Peek() is ']' or ')')
            {
                _position++;
                _depth--;
                return new WktNode(keyword.ToUpperInvariant(), arguments);
            }

            while (true)
            {
                SkipWhitespace();
                arguments.Add(ReadArgument());
                SkipWhitespace();
                char next = Peek();
                if (next == ',')
                {
                    _position++;
                    continue;
                }

                // Tolerate a mismatched closing bracket: writers mix [ and ( rarely, but readers should not care.
                if (next is ']' or ')')
                {
                    _position++;
                    _depth--;
                    return new WktNode(keyword.ToUpperInvariant(), arguments);
                }

                throw new FormatException("A comma or closing bracket was expected.");
            }
        }

        private object ReadArgument()
        {
            char c = Peek();
            if (c == '"')
            {
                return ReadQuoted();
            }

            if (c is '-' or '+' or '.' || char.IsDigit(c))
            {
                string number = ReadWord();
                if (!TryParseNumber(number, out double value))
                {
                    throw new FormatException("A malformed number.");
                }

                return value;
            }

            int start = _position;
            string word = ReadWord();
            if (word.Length == 0)
            {
                throw new FormatException("An argument was expected.");
            }

            SkipWhitespace();
            if (Peek() is '[' or '(')
            {
                _position = start;
                return ReadNode();
            }

            return new WktWord(word);
        }

        private string ReadQuoted()
        {
            _position++;
            var builder = new StringBuilder();
            while (true)
            {
                if (_position >= text.Length)
                {
                    throw new FormatException("An unterminated quoted string.");
                }

                char c = text[_position++];
                if (c == '"')
                {
                    if (Peek() == '"')
                    {
                        builder.Append('"');
                        _position++;
                        continue;
                    }

                    return builder.ToString();
                }

                builder.Append(c);
            }
        }

        private string ReadWord()
        {
            int start = _position;
            while (_position < text.Length)
            {
                char c = text[_position];
                if (char.IsLetterOrDigit(c) || c is '_' or '.' or '-' or '+')
                {
                    _position++;
                }
                else
                {
                    break;
                }
            }

            return text[start.._position];
        }

        private char Peek() => _position < text.Length ? text[_position] : '\0';
    }
}
