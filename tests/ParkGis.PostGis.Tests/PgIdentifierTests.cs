using ParkGis.Core.Errors;

namespace ParkGis.PostGis.Tests;

public sealed class PgIdentifierTests
{
    [Theory]
    [InlineData("parks", true)]
    [InlineData("_ordos_2024", true)]
    [InlineData("鄂尔多斯", true)]
    [InlineData("2024", false)] // starts with a digit
    [InlineData("a\"; DROP TABLE parks; --", false)] // quote and statement
    [InlineData("a;b", false)]
    [InlineData("a b", false)]
    [InlineData("a\nb", false)]
    [InlineData("", false)]
    public void Only_letters_digits_and_underscores_are_accepted(string name, bool accepted)
    {
        Assert.Equal(accepted, PgIdentifier.IsAcceptable(name));
    }

    [Fact]
    public void A_name_longer_than_63_bytes_is_rejected()
    {
        Assert.False(PgIdentifier.IsAcceptable(new string('a', 64)));
        Assert.False(PgIdentifier.IsAcceptable(new string('园', 22))); // 66 bytes in UTF-8
    }

    [Fact]
    public void Column_names_are_quoted_with_quotes_doubled()
    {
        Assert.Equal("\"园区名称\"", PgIdentifier.QuoteColumn("园区名称"));
        Assert.Equal("\"a\"\"b\"", PgIdentifier.QuoteColumn("a\"b"));
    }

    [Fact]
    public void The_schema_is_taken_out_of_the_connection_string()
    {
        var name = PgDatasetName.Parse("pg:Host=db;Port=5433;Database=gis;Username=u;Password=secret;Schema=ordos");
        Assert.Equal("ordos", name.Schema);
        Assert.DoesNotContain("Schema", name.ConnectionString, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secret", name.DisplayName, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hostile_schema_in_the_connection_string_is_PG0506()
    {
        var error = Assert.Throws<UnusableInputException>(() => PgDatasetName.Parse("pg:Host=db;Database=gis;Schema=\"x\"\"; DROP SCHEMA public CASCADE; --\""));
        Assert.Equal(ErrorCodes.InvalidIdentifier, error.Code);
    }

    [Fact]
    public void A_malformed_connection_string_is_PG0508()
    {
        var error = Assert.Throws<UnusableInputException>(() => PgDatasetName.Parse("pg:Host=db;NoSuchKeyword=1"));
        Assert.Equal(ErrorCodes.InvalidConnectionString, error.Code);
    }
}
