namespace ParkGis.Core.Data;

/// <summary>
/// The names real data gives the fields ParkGis reads (字段别名): the Chinese names of docs/data-model.md and the
/// field codes of the 国土空间规划, 地籍 (宗地) and 报批 databases (ZDDM 宗地代码, DKBH 地块编号, BSM 标识码, PZWH 批准文号 …).
/// A canonical field the layer does not have under its own name is read from the first alias the layer has, unless
/// parkgis.json maps it. One table, used by every reader.
/// </summary>
/// <remarks>
/// A name longer than a dBASE field allows (10 bytes) is also found cut to 10 bytes in GBK (cp936, the code page of
/// Chinese shapefiles: an ASCII character 1 byte, a Chinese one 2): <c>supplied_on</c> → <c>supplied_o</c>,
/// <c>实际动工日期</c> → <c>实际动工日</c>. Shapefile writers (GDAL's <c>ogr2ogr</c>, ArcGIS) cut a longer name so, and
/// the cut name stays when the data moves on to another format. The cut aliases come after the whole names, the
/// canonical name's last.
/// </remarks>
public static class FieldAliases
{
    /// <summary>The longest field name a dBASE (.dbf) table holds, in bytes.</summary>
    public const int DbfNameLength = 10;

    private static readonly (string Canonical, string[] Aliases)[] ParkFields = WithDbfNames(
    [
        ("park_id", ["园区编号", "园区代码", "开发区编号", "开发区代码", "园区编码", "YQBH", "YQDM", "KFQBH", "KFQDM", "BSM", "标识码"]),
        ("name", ["园区名称", "开发区名称", "名称", "YQMC", "KFQMC", "MC"]),
        ("approved_area_ha", ["批准面积（公顷）", "批准面积(公顷)", "批准面积", "核准面积", "PZMJ"]),
        ("banner", ["旗区", "所在旗区", "县区", "所在县区", "行政区", "QX"]),
        ("leading_industries", ["主导产业", "ZDCY"]),
        ("levelled", ["土地平整", "一平", "场地平整"]),
    ]);

    private static readonly (string Canonical, string[] Aliases)[] ParcelFields = WithDbfNames(
    [
        ("parcel_id", ["宗地编号", "宗地代码", "宗地号", "ZDDM", "ZDBH", "地块编号", "DKBH", "BSM", "标识码"]),
        ("park_id", ["所属园区", "园区编号", "所属园区编号", "YQBH"]),
        ("supplied_on", ["供地日期", "供地时间", "GDRQ", "合同签订日期"]),
        ("supply_method", ["供地方式", "GDFS"]),
        ("agreed_start", ["约定动工日期", "约定开工日期", "约定动工时间", "YDDGRQ"]),
        ("actual_start", ["实际动工日期", "实际开工日期", "实际动工时间", "SJDGRQ"]),
        ("developed_ratio", ["已开发面积比例", "开发面积比例", "已开发比例"]),
        ("invested_ratio", ["已投资比例", "投资比例", "已投资额比例"]),
        ("halted_since", ["停工日期", "停工时间"]),
        ("land_price_wan", ["土地价款（万元）", "土地价款(万元)", "土地价款", "出让价款", "成交价款"]),
        ("government_cause", ["政府原因"]),
        ("industry", ["产业", "所属产业", "行业", "所属行业"]),
        ("enterprise", ["用地企业", "用地单位", "企业名称", "土地使用权人", "受让人"]),
        ("land_use", ["用途", "土地用途", "用地用途", "规划用途", "地类编码", "DLBM", "TDYT"]),
        ("floor_area_m2", ["总建筑面积", "建筑面积", "JZMJ"]),
        ("footprint_area_m2", ["建筑基底面积", "基底面积", "建筑占地面积"]),
        ("yard_area_m2", ["露天堆场面积", "堆场面积", "露天堆场"]),
        ("admin_area_m2", ["行政办公及生活服务设施用地面积", "行政办公及生活服务设施用地"]),
        ("green_area_m2", ["绿地面积", "绿地"]),
        ("plot_ratio", ["容积率", "RJL"]),
        ("building_coefficient", ["建筑系数", "建筑密度"]),
        ("green_ratio", ["绿地率"]),
        ("location", ["坐落", "土地坐落", "宗地坐落", "ZL", "TDZL"]),
        ("supervision_no", ["电子监管号", "DZJGH"]),
        ("idle_status", ["认定状态", "闲置认定状态"]),
        ("disposal", ["处置方式", "处置措施", "CZFS"]),
    ]);

    private static readonly (string Canonical, string[] Aliases)[] ApprovalFields = WithDbfNames(
    [
        ("batch_id", ["批次编号", "批次号", "批次代码", "PCBH", "PCDM", "BSM", "标识码"]),
        ("approved_on", ["批准日期", "批复日期", "批准时间", "PZRQ", "PFRQ"]),
        ("approval_no", ["批准文号", "批复文号", "PZWH", "PFWH"]),
        ("banner", ["旗区", "所在旗区", "县区", "行政区", "QX"]),
        ("batch_name", ["批次名称", "PCMC"]),
        ("supervision_no", ["电子监管号", "DZJGH"]),
    ]);

    private static readonly (string Canonical, string[] Aliases)[] OtherFields =
    [
        ("id", ["标识码", "要素代码"]),
    ];

    /// <summary>The canonical fields of a role that have aliases, each with its aliases in order of preference.</summary>
    public static IReadOnlyList<(string Canonical, string[] Aliases)> Of(LayerRole role) => role switch
    {
        LayerRole.Parks => ParkFields,
        LayerRole.Parcels => ParcelFields,
        LayerRole.Approvals => ApprovalFields,
        _ => OtherFields,
    };

    /// <summary>The aliases of one canonical field of a role, or none.</summary>
    public static IReadOnlyList<string> Of(LayerRole role, string canonical)
    {
        foreach (var (name, aliases) in Of(role))
        {
            if (string.Equals(name, canonical, StringComparison.Ordinal))
            {
                return aliases;
            }
        }

        return [];
    }

    /// <summary>
    /// The name a shapefile writer gives <paramref name="name"/> in a GBK table: its longest start that fits
    /// <see cref="DbfNameLength"/> bytes (an ASCII character 1 byte, any other 2, as in GBK), or null when it fits whole.
    /// </summary>
    public static string? DbfName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var bytes = 0;
        for (var i = 0; i < name.Length; i++)
        {
            bytes += char.IsAscii(name[i]) ? 1 : 2;
            if (bytes > DbfNameLength)
            {
                return name[..i];
            }
        }

        return null;
    }

    private static (string Canonical, string[] Aliases)[] WithDbfNames((string Canonical, string[] Aliases)[] fields) =>
        [.. fields.Select(f => (f.Canonical, DbfNamesOf(f.Canonical, f.Aliases)))];

    /// <summary>The aliases, then the cut name of each alias, then the canonical name's cut name (each cut once, none a whole name).</summary>
    private static string[] DbfNamesOf(string canonical, string[] aliases)
    {
        var names = new List<string>(aliases);
        var whole = new HashSet<string>(aliases, StringComparer.OrdinalIgnoreCase) { canonical };
        foreach (var name in aliases.Append(canonical))
        {
            if (DbfName(name) is { } cut && !whole.Contains(cut) && !names.Contains(cut, StringComparer.OrdinalIgnoreCase))
            {
                names.Add(cut);
            }
        }

        return [.. names];
    }
}
