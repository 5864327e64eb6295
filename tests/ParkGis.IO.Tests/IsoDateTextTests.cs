using System.Globalization;
using System.Text;
using ParkGis.IO.Formats;

namespace ParkGis.IO.Tests;

public sealed class IsoDateTextTests
{
    [Theory]
    [InlineData("2014-10-03")]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    [InlineData("2024-02-29")]
    public void Plain_iso_dates_are_read(string text)
    {
        Assert.True(IsoDateText.TryParse(Encoding.UTF8.GetBytes(text), out var date));
        Assert.Equal(Slow(text), date);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0000-01-01")]
    [InlineData("2023-02-29")]
    [InlineData("2014-00-10")]
    [InlineData("2014-13-10")]
    [InlineData("2014-04-31")]
    [InlineData("2014-10-00")]
    [InlineData("2014-1-3")]
    [InlineData("2014-1-03")]
    [InlineData(" 2014-10-03")]
    [InlineData("2014-10-03 ")]
    [InlineData("2014/10/03")]
    [InlineData("20141003")]
    [InlineData("+014-10-03")]
    [InlineData("-014-10-03")]
    [InlineData("2014-10-03T00:00:00")]
    [InlineData("２０１４-10-03")]
    [InlineData("2014-10-0\u0663")]
    [InlineData("2014\u201010\u201003")]
    public void Anything_else_is_left_to_the_general_parser(string text)
    {
        Assert.False(IsoDateText.TryParse(Encoding.UTF8.GetBytes(text), out _));
    }

    [Fact]
    public void Every_year_month_day_combination_agrees_with_parse_exact()
    {
        foreach (var year in new[] { 0, 1, 4, 100, 1900, 1999, 2000, 2023, 2024, 9999 })
        {
            for (var month = 0; month <= 19; month++)
            {
                for (var day = 0; day <= 39; day++)
                {
                    AssertAgrees(string.Create(CultureInfo.InvariantCulture, $"{year:0000}-{month:00}-{day:00}"));
                }
            }
        }
    }

    [Fact]
    public void Random_ten_character_texts_agree_with_parse_exact()
    {
        const string alphabet = "0123456789-/ +T:.";
        var random = new Random(20141003);
        var text = new char[10];
        for (var n = 0; n < 200_000; n++)
        {
            for (var i = 0; i < text.Length; i++)
            {
                // Mostly the right shape, so that many texts are near-dates.
                text[i] = random.Next(4) == 0 ? alphabet[random.Next(alphabet.Length)] : i is 4 or 7 ? '-' : (char)('0' + random.Next(10));
            }

            AssertAgrees(new string(text));
        }
    }

    /// <summary>Whatever the fast path accepts, DateOnly.TryParseExact accepts with the same date; a plain date it must not decline.</summary>
    private static void AssertAgrees(string text)
    {
        var fast = IsoDateText.TryParse(Encoding.UTF8.GetBytes(text), out var date);
        var slow = Slow(text);
        Assert.True(fast ? slow == date : slow is null, text);
    }

    private static DateOnly? Slow(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
