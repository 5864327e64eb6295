using ParkGis.Core.Localization;

namespace ParkGis.Core.Tests.Localization;

public sealed class CountFormatterTests
{
    [Theory]
    [InlineData(1, "1 feature of layers.gpkg")]
    [InlineData(2, "2 features of layers.gpkg")]
    [InlineData(0, "0 features of layers.gpkg")]
    [InlineData(1234, "1,234 features of layers.gpkg")]
    public void An_English_count_of_one_takes_the_singular_and_any_other_the_plural(int count, string expected)
    {
        Assert.Equal(expected, CountFormatter.Format("{0:N0|feature|features} of {1}", count, "layers.gpkg"));
    }

    [Fact]
    public void A_count_given_as_a_double_or_text_is_singular_only_when_it_is_one()
    {
        Assert.Equal("1 year", CountFormatter.Format("{0:|year|years}", 1.0));
        Assert.Equal("1.5 years", CountFormatter.Format("{0:|year|years}", 1.5));
        Assert.Equal("1 park", CountFormatter.Format("{0:|park|parks}", "1"));
        Assert.Equal("11 parks", CountFormatter.Format("{0:|park|parks}", "11"));
    }

    [Fact]
    public void Placeholders_without_the_count_form_format_in_the_invariant_culture()
    {
        Assert.Equal("1234.5 m² on 2026-06-30", CountFormatter.Format("{0:0.0} m² on {1:yyyy-MM-dd}", 1234.5, new DateOnly(2026, 6, 30)));
        Assert.Equal("[x] ", CountFormatter.Format("[{0}] {1}", "x", null));
    }
}
