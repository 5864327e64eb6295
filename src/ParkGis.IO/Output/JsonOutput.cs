using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ParkGis.IO.Output;

/// <summary>
/// The one way ParkGis writes a JSON result (check.json, supply.json, idle.json, intensity.json,
/// infrastructure.json, scorecard.json, <c>info --format json</c>): indented UTF-8 with Chinese text as characters,
/// numbers rounded half away from zero in invariant form, dates as ISO 8601, a newline at the end; to a file or a
/// stream. Byte-identical for identical results.
/// </summary>
public static class JsonOutput
{
    /// <summary>The writer options every JSON result uses.</summary>
    public static JsonWriterOptions Options { get; } = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Creates <paramref name="path"/> and writes one JSON document with <paramref name="write"/>.</summary>
    public static void WriteFile(string path, Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = File.Create(path);
        Write(stream, write);
    }

    /// <summary>Writes one JSON document with <paramref name="write"/> to <paramref name="stream"/>, then a newline.</summary>
    public static void Write(Stream stream, Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(write);
        var chunks = new StreamChunkWriter(stream);
        using (var writer = new Utf8JsonWriter(chunks, Options))
        {
            write(writer);
            writer.Flush();
        }

        chunks.Drain();

        stream.Write("\n"u8);
    }

    /// <summary>A number rounded half away from zero to <paramref name="decimals"/> decimals (areas: 1e-6 m²).</summary>
    public static double Round(double value, int decimals = 6) => Math.Round(value, decimals, MidpointRounding.AwayFromZero);

    /// <summary>A finite number rounded as <see cref="Round(double, int)"/>; null for null, NaN and infinities.</summary>
    public static double? Round(double? value, int decimals = 6) => value is { } v && double.IsFinite(v) ? Round(v, decimals) : null;

    /// <summary>A date as <c>yyyy-MM-dd</c>.</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Writes a rounded number, or null.</summary>
    public static void NumberOrNull(Utf8JsonWriter writer, string name, double? value, int decimals = 6)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (Round(value, decimals) is { } rounded)
        {
            writer.WriteNumber(name, rounded);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>Writes a boolean, or null.</summary>
    public static void BooleanOrNull(Utf8JsonWriter writer, string name, bool? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } flag)
        {
            writer.WriteBoolean(name, flag);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>Writes a date, or null.</summary>
    public static void DateOrNull(Utf8JsonWriter writer, string name, DateOnly? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } date)
        {
            writer.WriteString(name, Date(date));
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
