using System.Data.Common;
using System.Text;
using System.Text.RegularExpressions;

namespace ParkGis.Cli;

/// <summary>
/// Keeps the credentials of <c>pg:</c> connection strings out of everything ParkGis prints, line by line on stdout and
/// stderr — messages, hints, progress lines, usage errors: every <c>pg:</c> argument of the command line is replaced
/// by itself with its secrets masked, every <c>Password=…</c> / <c>Pwd=…</c> pair by <c>Password=***</c>, and every
/// secret value of the command line by <c>***</c> wherever it stands alone.
/// </summary>
internal sealed partial class CredentialRedaction
{
    /// <summary>
    /// Secrets shorter than this are masked with their key or connection string only: masking a short word everywhere
    /// would garble the output (a password "parkgis" would mask the program's own name in every line).
    /// </summary>
    private const int MinBareSecretLength = 8;

    private const string Mask = "***";

    private readonly List<(string Text, string Replacement)> _replacements;

    private CredentialRedaction(List<(string Text, string Replacement)> replacements) => _replacements = replacements;


    /// <summary>The redaction for a command line: its <c>pg:</c> arguments (also as <c>--option=pg:…</c>) and their secrets.</summary>
    public static CredentialRedaction For(IEnumerable<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var replacements = new List<(string Text, string Replacement)>();
        var secrets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var arg in args)
        {
            var at = arg.IndexOf("pg:", StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                continue;
            }

            var text = arg[at..];
            var masked = text;
            foreach (var secret in SecretsOf(text[3..]))
            {
                secrets.Add(secret);
                masked = masked.Replace(secret, Mask, StringComparison.Ordinal);
            }

            if (!string.Equals(masked, text, StringComparison.Ordinal))
            {
                replacements.Add((text, masked));
            }
        }

        replacements.AddRange(secrets.Where(s => s.Length >= MinBareSecretLength).Select(s => (s, Mask)));

        // Longest first, so that a whole connection string is masked before the secret inside it.
        replacements.Sort((a, b) => b.Text.Length.CompareTo(a.Text.Length));
        return new CredentialRedaction(replacements);
    }

    /// <summary>The text with every credential masked.</summary>
    public string Apply(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var (secret, replacement) in _replacements)
        {
            if (text.Contains(secret, StringComparison.Ordinal))
            {
                text = text.Replace(secret, replacement, StringComparison.Ordinal);
            }
        }

        return PasswordPair().Replace(text, "${key}=" + Mask);
    }

    /// <summary>A writer that masks credentials in each line before passing it on.</summary>
    public TextWriter Wrap(TextWriter inner) => new RedactingWriter(inner, this);

    /// <summary>A <c>Password=value</c> pair of a connection string (any key with "password" in it, or <c>Pwd</c>), up to the next <c>;</c>.</summary>
    [GeneratedRegex("""(?<key>\b(?:[a-z]+ )?password|\bpwd)\s*=\s*(?!\*\*\*)(?:"[^"\n]*"|'[^'\n]*'|[^;\n]*)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PasswordPair();

    /// <summary>The values of the secret keys of a connection string (Password, Pwd, SSL Password, …), as written.</summary>
    private static IEnumerable<string> SecretsOf(string connectionString)
    {
        var found = new List<string>();
        try
        {
            var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
            foreach (string key in builder.Keys)
            {
                if (key.Contains("password", StringComparison.OrdinalIgnoreCase) || key.Equals("pwd", StringComparison.OrdinalIgnoreCase))
                {
                    if (Convert.ToString(builder[key], System.Globalization.CultureInfo.InvariantCulture) is { Length: > 0 } value)
                    {
                        found.Add(value);
                    }
                }
            }
        }
        catch (ArgumentException)
        {
            // Malformed: mask whatever follows a password key by hand.
        }

        foreach (var part in connectionString.Split(';'))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                var key = part[..equals].Trim();
                if (key.Contains("password", StringComparison.OrdinalIgnoreCase) || key.Equals("pwd", StringComparison.OrdinalIgnoreCase))
                {
                    var value = part[(equals + 1)..];
                    if (value.Length > 0)
                    {
                        found.Add(value);
                        found.Add(value.Trim().Trim('"', '\''));
                    }
                }
            }
        }

        return found.Where(v => v.Length > 0);
    }

    /// <summary>Buffers each line and writes it masked; a line is never split across the inner writer.</summary>
    private sealed class RedactingWriter(TextWriter inner, CredentialRedaction redaction) : TextWriter
    {
        private readonly StringBuilder _line = new();
        private readonly Lock _gate = new();

        public override Encoding Encoding => inner.Encoding;

        public override IFormatProvider FormatProvider => inner.FormatProvider;

        public override string NewLine
        {
#pragma warning disable CS8765 // the base property allows null; the inner writer's value is never null
            get => inner.NewLine;
            set => inner.NewLine = value;
#pragma warning restore CS8765
        }

        public override void Write(char value)
        {
            lock (_gate)
            {
                _line.Append(value);
                if (value == '\n')
                {
                    FlushLines();
                }
            }
        }

        public override void Write(string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                return;
            }

            lock (_gate)
            {
                _line.Append(value);
                if (value.Contains('\n', StringComparison.Ordinal))
                {
                    FlushLines();
                }
            }
        }

        public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

        public override void WriteLine(string? value) => Write((value ?? string.Empty) + inner.NewLine);

        public override void Flush()
        {
            lock (_gate)
            {
                if (_line.Length > 0)
                {
                    inner.Write(redaction.Apply(_line.ToString()));
                    _line.Clear();
                }

                inner.Flush();
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                Flush();
            }

            base.Dispose(disposing);
        }

        /// <summary>Writes the complete lines buffered; the unfinished rest stays (a secret may be split across writes).</summary>
        private void FlushLines()
        {
            var text = _line.ToString();
            var end = text.LastIndexOf('\n') + 1;
            if (end == 0)
            {
                return;
            }

            inner.Write(redaction.Apply(text[..end]));
            _line.Remove(0, end);
        }
    }
}
