using System.Text;
using ParkGis.Core.Errors;
using ParkGis.IO.Configuration;

namespace ParkGis.IO.Tests.Scorecard;

public sealed class ParkSettingsTests
{
    [Fact]
    public void Parkgis_json_parks_member_gives_leading_industries_levelling_and_blocks()
    {
        var configuration = ParkGisConfiguration.Parse(Encoding.UTF8.GetBytes("""
            { "parks": { "P03": { "leading_industries": "天然气化工、新材料", "levelled": true,
                                  "blocks": { "2": { "leading_industries": ["物流"] } } } } }
            """));

        var p03 = configuration.Parks["P03"];
        Assert.Equal(["天然气化工", "新材料"], p03.LeadingIndustries);
        Assert.True(p03.Levelled);
        Assert.Equal(["物流"], p03.LeadingIndustriesOf(2));
        Assert.Equal(["天然气化工", "新材料"], p03.LeadingIndustriesOf(1));
    }

    [Fact]
    public void Unknown_park_member_is_PG0301()
    {
        var error = Assert.Throws<UnusableInputException>(() => ParkGisConfiguration.Parse(Encoding.UTF8.GetBytes("""{ "parks": { "P01": { "leading": [] } } }""")));
        Assert.Equal(ErrorCodes.InvalidConfiguration, error.Code);
    }
}
