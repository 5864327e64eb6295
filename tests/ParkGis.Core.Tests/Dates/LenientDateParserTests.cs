using ParkGis.Core.Data;
using ParkGis.Core.Dates;

namespace ParkGis.Core.Tests.Dates;

public sealed class LenientDateParserTests
{
    [Theory]
    [InlineData("2024-03-01", "ISO")]
    [InlineData("2024/3/1", "slashes without leading zeros")]
    [InlineData("2024.3.1", "dots")]
    [InlineData("20240301", "eight digits")]
    [InlineData("2024年3月1日", "Chinese")]
    [InlineData(" 2024-03-01T00:00:00 ", "ISO with a time of day and spaces")]
    public void Every_written_form_of_1_March_2024_is_read(string text, string reason)
    {
        Assert.True(LenientDateParser.TryParse(text, out var date), reason);
        Assert.Equal(new DateOnly(2024, 3, 1), date);
    }

    [Fact]
    public void Date_values_from_GeoPackage_and_DBF_readers_are_read()
    {
        Assert.True(LenientDateParser.TryParse(new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Unspecified), out var a));
        Assert.True(LenientDateParser.TryParse(new DateOnly(2024, 3, 1), out var b));
        Assert.True(LenientDateParser.TryParse(20240301L, out var c));
        Assert.All(new[] { a, b, c }, d => Assert.Equal(new DateOnly(2024, 3, 1), d));
    }

    [Theory]
    [InlineData("2023-13-45", "no month 13")]
    [InlineData("2023-02-29", "2023 is not a leap year")]
    [InlineData("2024-03/01", "mixed separators")]
    [InlineData("soon", "not a date")]
    [InlineData("", "blank")]
    [InlineData(null, "null")]
    public void Unparseable_dates_are_rejected_not_defaulted(string? text, string reason)
    {
        Assert.False(LenientDateParser.TryParse(text, out var date), reason);
        Assert.Equal(default, date);
    }

    [Theory]
    [InlineData("２０２４-03-01", "full-width year")]
    [InlineData("２０２４年３月１日", "full-width digits with 年月日")]
    [InlineData("２０２４０３０１", "eight full-width digits")]
    [InlineData("２０２４－０３－０１", "full-width digits and hyphens")]
    [InlineData("２０２４／３／１", "full-width slashes")]
    public void A_date_typed_with_full_width_digits_is_read_as_the_same_day(string text, string reason)
    {
        Assert.True(LenientDateParser.TryParse(text, out var date), reason);
        Assert.Equal(new DateOnly(2024, 3, 1), date);
    }

    [Theory]
    [InlineData("٢٠٢٤-03-01", "Arabic-Indic digits")]
    [InlineData("२०२४-03-01", "Devanagari digits")]
    public void A_date_in_other_scripts_digits_is_not_a_date_instead_of_an_internal_error(string text, string reason)
    {
        Assert.False(LenientDateParser.TryParse(text, out _), reason);
    }

    [Fact]
    public void One_year_after_29_February_is_28_February()
    {
        Assert.Equal(new DateOnly(2025, 2, 28), CalendarYears.After(new DateOnly(2024, 2, 29), 1));
        Assert.Equal(new DateOnly(2028, 2, 29), CalendarYears.After(new DateOnly(2024, 2, 29), 4));
    }

    [Fact]
    public void Exactly_one_year_has_elapsed_on_the_anniversary_and_not_the_day_before()
    {
        var start = new DateOnly(2025, 6, 30);
        Assert.True(CalendarYears.HaveElapsed(start, new DateOnly(2026, 6, 30), 1));
        Assert.False(CalendarYears.HaveElapsed(start, new DateOnly(2026, 6, 29), 1));
    }

    [Fact]
    public void A_full_year_after_a_day_in_the_calendars_last_year_never_comes_instead_of_overflowing()
    {
        Assert.Null(CalendarYears.After(new DateOnly(9999, 3, 1), 1));
        Assert.False(CalendarYears.HaveElapsed(new DateOnly(9998, 12, 31), DateOnly.MaxValue, 2));
        Assert.True(CalendarYears.HaveElapsed(new DateOnly(9998, 12, 31), DateOnly.MaxValue, 1));
    }

    [Theory]
    [InlineData(9999, 12, 31, true)]
    [InlineData(9999, 1, 1, true)]
    [InlineData(1, 1, 1, true)]
    [InlineData(1899, 12, 30, true)]
    [InlineData(1900, 1, 1, true)]
    [InlineData(9998, 12, 31, false)]
    [InlineData(1900, 1, 2, false)]
    [InlineData(1899, 12, 31, false)]
    public void The_usual_no_date_placeholders_are_recognised(int year, int month, int day, bool placeholder)
    {
        Assert.Equal(placeholder, LenientDateParser.IsPlaceholder(new DateOnly(year, month, day)));
    }

    [Theory]
    [InlineData("2019-12-31T16:00:00Z", 2020, 1, 1, "GeoPackage's UTC form of Beijing midnight")]
    [InlineData("2019-12-31T16:00:00.000Z", 2020, 1, 1, "with milliseconds")]
    [InlineData("2019-12-31T15:59:59Z", 2019, 12, 31, "a second before Beijing midnight")]
    [InlineData("2019-12-31T16:00:00+00:00", 2020, 1, 1, "an explicit UTC offset")]
    [InlineData("2019/12/31 16:00:00+00", 2020, 1, 1, "GDAL's text of a UTC date-time")]
    [InlineData("2020-01-01T00:00:00+08:00", 2020, 1, 1, "Beijing time written with its offset")]
    [InlineData("2020-01-01T00:30:00+0800", 2020, 1, 1, "an offset without a colon")]
    [InlineData("2019-12-31T11:00:00-05:00", 2020, 1, 1, "11:00 at UTC-5 is 00:00 the next day in Beijing")]
    [InlineData("2019-12-31T23:00:00", 2019, 12, 31, "no zone: the day as written")]
    [InlineData("9999-12-31T23:00:00Z", 9999, 12, 31, "the placeholder stays a placeholder instead of overflowing")]
    public void A_time_stamp_that_names_its_zone_is_the_day_it_was_in_Beijing(string text, int year, int month, int day, string reason)
    {
        Assert.True(LenientDateParser.TryParse(text, out var date), reason);
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Theory]
    [InlineData("2019-12-31T25:00:00", "no hour 25, and no zone either")]
    [InlineData("2025-06-30 99:99", "no hour 99 after a space")]
    [InlineData("2019-12-31T25:00:00Z", "no hour 25")]
    [InlineData("2019-12-31T16:61:00Z", "no minute 61")]
    [InlineData("2019-12-31T16:00:00+15:00", "no zone 15 hours from UTC")]
    public void A_time_stamp_whose_time_is_not_real_is_not_a_date_zone_or_not(string text, string reason)
    {
        Assert.False(LenientDateParser.TryParse(text, out _), reason);
    }

    [Theory]
    [InlineData("2024-02-06\u200B", "a zero-width space after it, from a web page")]
    [InlineData("\uFEFF2024-02-06", "a byte-order mark before it, from a CSV pasted into a cell")]
    [InlineData("2024\u200E-02-06", "a left-to-right mark inside it")]
    [InlineData("2024年2月6日\u2060", "a word joiner after the Chinese form")]
    public void A_date_with_an_invisible_character_copied_along_is_the_date_it_shows(string text, string reason)
    {
        // It was "not a date", and the issue said agreed_start '2024-02-06' 不是日期 — the character cannot be seen.
        Assert.True(LenientDateParser.TryParse(text, out var date), reason);
        Assert.Equal(new DateOnly(2024, 2, 6), date);
    }

    [Fact]
    public void A_yyyyMMdd_date_in_a_numeric_column_is_a_date_as_in_an_integer_or_double_column()
    {
        // PostgreSQL numeric(8,0) (Oracle NUMBER(8) migrated) reads as decimal: it was "not a date" from a pg: schema, where
        // the same 20240206 in a GeoPackage INTEGER, a DBF N field or a GeoJSON number is 2024-02-06.
        object[] values = [20240206m, 20240206.0m, 20240206L, 20240206.0];

        Assert.All(values, value => Assert.True(LenientDateParser.TryParse(value, out var date) && date == new DateOnly(2024, 2, 6), value.GetType().Name));
        Assert.False(LenientDateParser.TryParse(20240206.5m, out _));
        Assert.False(LenientDateParser.TryParse(20241306m, out _));
    }

    [Fact]
    public void A_UTC_date_time_value_from_a_timestamptz_column_is_the_day_it_was_in_Beijing()
    {
        Assert.True(LenientDateParser.TryParse(new DateTime(2019, 12, 31, 16, 0, 0, DateTimeKind.Utc), out var utc));
        Assert.True(LenientDateParser.TryParse(new DateTimeOffset(2019, 12, 31, 16, 0, 0, TimeSpan.Zero), out var offset));
        Assert.True(LenientDateParser.TryParse(DateTime.MaxValue.ToUniversalTime(), out var infinity));
        Assert.Equal(new DateOnly(2020, 1, 1), utc);
        Assert.Equal(new DateOnly(2020, 1, 1), offset);
        Assert.Equal(DateOnly.MaxValue, infinity);
    }

    [Fact]
    public void A_time_is_written_as_ISO_text_that_reads_back_as_the_same_day_never_in_the_invariant_cultures_US_form()
    {
        var utc = new DateTime(2019, 12, 31, 16, 0, 0, DateTimeKind.Utc);
        object[] times = [utc, new DateTimeOffset(2020, 1, 1, 0, 0, 0, LenientDateParser.BeijingOffset), new DateTime(2020, 1, 1, 9, 30, 0, DateTimeKind.Unspecified)];

        var texts = times.Select(time => AttributeText.Of(time)!).ToArray();

        Assert.Equal(["2019-12-31T16:00:00Z", "2020-01-01T00:00:00+08:00", "2020-01-01T09:30:00"], texts);
        Assert.All(texts, text => Assert.True(LenientDateParser.TryParse(text, out var day) && day == new DateOnly(2020, 1, 1), text));
        Assert.Equal("2020-01-01", AttributeText.Of(new DateTime(2020, 1, 1)));
    }
}
