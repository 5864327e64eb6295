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
        Assert.Contains(ResourceText.List(["供地日期", "供地时间", "GDRQ", "合同签订日期", "supplied_o"]), issues[0].Message, StringComparison.Ordinal);
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
        Assert.Throws<ArgumentException>(() => AbsentFields.Issues(layer, "agreed_start").ToList()); // each empty value is an issue already
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
                var others = fields.Where(f => f.Canonical != canonical).SelectMany(f => f.Aliases.Append(f.Canonical));
                Assert.DoesNotContain(others, name => string.Equals(name, cut, StringComparison.OrdinalIgnoreCase));
            }
        }
    }
}
