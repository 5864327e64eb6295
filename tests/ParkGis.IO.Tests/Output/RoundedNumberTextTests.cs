using System.Text;
using System.Text.Json;
using ParkGis.IO.Output;

namespace ParkGis.IO.Tests.Output;

public sealed class RoundedNumberTextTests
{
    [Theory]
    [InlineData(109.7812345, 7)] // a longitude
    [InlineData(-39.6, 7)] // trailing zeros dropped
    [InlineData(120.0, 7)] // a whole number: no point
    [InlineData(0.0001, 6)] // the smallest value written directly
    [InlineData(0.00012, 7)]
    [InlineData(99999999.9999999, 7)] // 15 digits
    [InlineData(5e14, 0)]
    [InlineData(-117.4999999, 7)]
    public void A_rounded_value_is_written_as_the_json_writer_writes_it(double value, int decimals)
    {
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        Span<byte> text = stackalloc byte[RoundedNumberText.MaxLength];

        if (RoundedNumberText.TryFormat(rounded, decimals, text, out var length))
        {
            Assert.Equal(WriterText(rounded), Encoding.ASCII.GetString(text[..length]));
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.00001)] // the writer's 1E-05
    [InlineData(1e15)] // the writer's 1E+15
    [InlineData(double.NaN)]
    public void Zero_and_values_written_with_an_exponent_are_left_to_the_writer(double value)
    {
        Span<byte> text = stackalloc byte[RoundedNumberText.MaxLength];

        Assert.False(RoundedNumberText.TryFormat(value, 7, text, out _));
        Assert.False(RoundedNumberText.TryFormat(-value, 7, text, out _));
    }

    [Fact]
    public void Random_coordinates_and_figures_at_every_decimal_count_are_written_as_the_json_writer_writes_them()
    {
        var random = new Random(20261204);
        Span<byte> text = stackalloc byte[RoundedNumberText.MaxLength];
        var direct = 0;
        for (var k = 0; k < 200_000; k++)
        {
            var decimals = k % 16;
            var magnitude = Math.Pow(10, random.Next(-6, 16));
            var value = (random.NextDouble() - 0.3) * magnitude;
            var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
            if (RoundedNumberText.TryFormat(rounded, decimals, text, out var length))
            {
                direct++;
                var expected = WriterText(rounded);
                Assert.True(expected == Encoding.ASCII.GetString(text[..length]), $"{value:R} at {decimals} decimals: {expected}");
            }
        }

        Assert.True(direct > 50_000, $"{direct} of 200000 written directly");
    }

    private static string WriterText(double value)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteNumberValue(value);
        }

        return Encoding.ASCII.GetString(stream.ToArray());
    }
}
