using NetTopologySuite.Geometries;
using ParkGis.Core.Crs;
using ParkGis.Core.Data;
using ParkGis.Core.Localization;

namespace ParkGis.Core.Tests.Data;

public sealed class AbsentFieldsTests
{
    private static readonly GeometryFactory Factory = new();

    private static Layer Parcels(IReadOnlyDictionary<string, string> fieldMap, params Dictionary<string, object?>[] rows) =>
        new(LayerRole.Parcels, "parcels.wkt", "WKT", CrsRegistry.FromEpsg(4545)!,
            [.. rows.Select((r, i) => new Feature($"L{i + 1}", i + 1, Factory.CreatePoint(new Coordinate(i, i)), r))],
            fieldMap);

    private static Dictionary<string, object?> Row(params (string Name, object? Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);

    private static readonly Dictionary<string, string> NoMap = new(StringComparer.Ordinal);

    [Fact]
    public void A_layer_without_the_field_gets_one_layer_level_issue_per_field_in_the_order_asked()
    {
        var layer = Parcels(NoMap, Row(("parcel_id", "L1")), Row(("parcel_id", "L2")));

        var issues = AbsentFields.Issues(layer, "supplied_on", "actual_start").ToList();

        Assert.Equal(2, issues.Count);
        Assert.All(issues, i => Assert.Equal(("parcels", string.Empty, DataIssueCodes.MissingValue), (i.Layer, i.Feature, i.Code)));
        Assert.Contains("supplied_on", issues[0].Message, StringComparison.Ordinal);
        Assert.Contains(ResourceText.List(["供地日期", "供地时间", "GDRQ", "合同签订日期", "合同签订日", "supplied_o"]), issues[0].Message, StringComparison.Ordinal);
        Assert.Contains("actual_start", issues[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_feature_carrying_the_field_even_empty_is_enough()
    {
        var layer = Parcels(NoMap, Row(("parcel_id", "L1")), Row(("parcel_id", "L2"), ("supplied_on", null)));

        Assert.False(AbsentFields.Lacks(layer, "supplied_on"));
        Assert.Empty(AbsentFields.Issues(layer, "supplied_on"));
    }

    [Fact]
    public void A_field_found_under_an_alias_is_not_absent()
    {
        var layer = Parcels(new Dictionary<string, string>(StringComparer.Ordinal) { ["supplied_on"] = "供地日期" }, Row(("供地日期", "2024-01-01")));

        Assert.Empty(AbsentFields.Issues(layer, "supplied_on"));
    }

    [Fact]
    public void A_layer_without_features_lacks_nothing()
    {
        Assert.Empty(AbsentFields.Issues(Parcels(NoMap), "supplied_on", "actual_start", "halted_since"));
    }

    [Fact]
    public void A_field_without_a_known_consequence_is_a_defect_not_a_silent_pass()
    {
        var layer = Parcels(NoMap, Row(("parcel_id", "L1")));

        Assert.Throws<ArgumentException>(() => AbsentFields.Issues(layer, "land_use").ToList());
    }

    [Fact]
    public void A_name_cut_to_ten_characters_stands_for_one_field_only()
    {
        foreach (var role in new[] { LayerRole.Parks, LayerRole.Parcels, LayerRole.Approvals })
        {
            var fields = FieldAliases.Of(role);
            foreach (var (canonical, aliases) in fields)
            {
                if (FieldAliases.DbfName(canonical) is not { } cut)
                {
                    Assert.True(canonical.Length <= FieldAliases.DbfNameLength, canonical);
                    continue;
                }

                Assert.Equal(cut, aliases[^1]);
                Assert.Equal(canonical[..10], cut);
            }

            // Every name, cut ones included, stands for one field of the role.
            var owners = fields.SelectMany(f => f.Aliases.Append(f.Canonical).Select(name => (Name: name.ToUpperInvariant(), f.Canonical)))
                .GroupBy(n => n.Name)
                .Where(g => g.Select(n => n.Canonical).Distinct().Count() > 1)
                .Select(g => g.Key)
                .ToList();
            Assert.True(owners.Count == 0, $"{role}: {string.Join(", ", owners)}");
        }
    }

    [Theory]
    [InlineData("actual_start", "实际动工日期", "实际动工日")]
    [InlineData("supplied_on", "合同签订日期", "合同签订日")]
    [InlineData("land_price_wan", "土地价款（万元）", "土地价款（")]
    [InlineData("land_price_wan", "土地价款(万元)", "土地价款(")]
    [InlineData("developed_ratio", "已开发面积比例", "已开发面积")]
    public void A_chinese_alias_cut_to_ten_gbk_bytes_is_found_as_its_field(string canonical, string alias, string cut)
    {
        Assert.Equal(cut, FieldAliases.DbfName(alias));
        var aliases = FieldAliases.Of(LayerRole.Parcels, canonical);
        Assert.Contains(cut, aliases);
        Assert.True(aliases.ToList().IndexOf(cut) > aliases.ToList().IndexOf(alias), "a cut name comes after the whole names");
    }

    [Theory]
    [InlineData("供地日期")]
    [InlineData("园区编号")]
    [InlineData("开发区名称")]
    [InlineData("YDDGRQ")]
    public void A_name_of_ten_gbk_bytes_or_fewer_is_not_cut(string name)
    {
        Assert.Null(FieldAliases.DbfName(name));
    }
}
