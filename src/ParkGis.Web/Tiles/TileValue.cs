using System.Globalization;
using ParkGis.Web.Export;

namespace ParkGis.Web.Tiles;

/// <summary>
/// An attribute value as an MVT <c>Value</c> message holds it: text, a 64-bit float, a signed or unsigned integer, or
/// a boolean. Dates and other values become invariant text; null has no value (the attribute is left off the
/// feature, as MVT has no null).
/// </summary>
/// <param name="Type">The MVT <c>Value</c> field: 1 string, 3 double, 5 uint, 6 sint, 7 bool.</param>
/// <param name="Text">The text of a string value.</param>
/// <param name="Bits">The double's bits, the integer, or 0/1.</param>
internal readonly record struct TileValue(int Type, string? Text, long Bits)
{
    /// <summary>MVT field number of string values.</summary>
    public const int StringField = 1;

    /// <summary>MVT field number of double values.</summary>
    public const int DoubleField = 3;

    /// <summary>MVT field number of unsigned integers.</summary>
    public const int UIntField = 5;

    /// <summary>MVT field number of zigzag-encoded signed integers.</summary>
    public const int SIntField = 6;

    /// <summary>MVT field number of booleans.</summary>
    public const int BoolField = 7;

    /// <summary>The value of a published property, or null when it has none.</summary>
    public static TileValue? Of(object? value) => value switch
    {
        null => null,
        string text => new TileValue(StringField, text, 0),
        bool flag => new TileValue(BoolField, null, flag ? 1 : 0),
        double number => new TileValue(DoubleField, null, BitConverter.DoubleToInt64Bits(number)),
        float number => new TileValue(DoubleField, null, BitConverter.DoubleToInt64Bits(number)),
        decimal number => new TileValue(DoubleField, null, BitConverter.DoubleToInt64Bits(Nearest(number))),
        ulong number => new TileValue(UIntField, null, unchecked((long)number)),
        sbyte or byte or short or ushort or int or uint or long => Integer(Convert.ToInt64(value, CultureInfo.InvariantCulture)),
        _ => PublishedLayers.Text(value) is { } text ? new TileValue(StringField, text, 0) : null,
    };

    /// <summary>The double nearest a decimal (a cast may miss it by one unit in the last place; parsing does not).</summary>
    private static double Nearest(decimal number) => double.Parse(number.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static TileValue Integer(long number) => new(number < 0 ? SIntField : UIntField, null, number);
}
