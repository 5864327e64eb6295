using System.Globalization;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;

namespace ParkGis.Bench;

/// <summary>
/// Writes the parcels (宗地) with every field the commands read — supply and idle land (supplied_on, agreed_start,
/// actual_start, halted_since, developed/invested ratios, land price, government cause), efficiency (land_use,
/// industry, enterprise, floor/footprint/yard/admin/green areas) — designed so that, on <see cref="AsOf"/>, every
/// idle-land status occurs and the supply ledger has 批而未供 and 未批先供; and returns what the economics table needs.
/// </summary>
/// <remarks>
/// Per parcel: supplied with a probability that falls with the age of its batch (95 % for 2016–2019 down to 20 % for
/// 2025; 60 % outside every batch, any date since 2016); 10 % of supply dates that fall after the as-of date are kept
/// (not supplied yet on that day), the others left empty. Supplied: agreed start 90–365 days later (0.3 % empty →
/// status unknown); 80 % started 60 days early to 500 days late (a start after the as-of date is left empty); 12 % of
/// the started halted 30–1,500 days after starting; ratios to 3 decimals (halted: 0.05–0.9, so about half idle;
/// 2 % of the halted lack developed_ratio with invested ≥ 0.25 → unknown); 10 % of unstarted or halted parcels have
/// a government cause; 0.2 % no land price. 2 % of parcels have no park_id (assigned spatially).
/// </remarks>
internal static class ParcelRecords
{
    /// <summary>The as-of date the lifecycle is designed around (as in sample-geodata/ordos).</summary>
    public static readonly DateOnly AsOf = new(2026, 6, 30);

    private static readonly string[] GovernmentCauses = ["政府未按期交地", "规划调整", "国家政策调整", "涉及文物保护", "涉及军事管制"];
    private static readonly string[] EnterpriseWords = ["恒泰", "伊泰", "汇能", "蒙泰", "久泰", "华星", "亿利", "东胜", "新奥", "瑞德", "博源", "中天", "远兴", "荣信", "圣圆"];

    public static List<EconomicParcel> Write(IFeatureSink sink, ParcelGrid grid, ApprovalBatches batches, IReadOnlyList<SyntheticPark> parks, Random shapes, Random random)
    {
        var economic = new List<EconomicParcel>();
        var enterprise = -1;
        var enterpriseIndustry = string.Empty;
        var enterprisePark = -1;
        var checkedValid = 0;
        using var table = sink.Table("parcels", "POLYGON",
        [
            ("parcel_id", "TEXT(10)"), ("park_id", "MEDIUMINT"), ("supplied_on", "DATE"), ("supply_method", "TEXT"), ("agreed_start", "DATE"),
            ("actual_start", "DATE"), ("developed_ratio", "REAL"), ("invested_ratio", "REAL"), ("halted_since", "DATE"), ("land_price_wan", "REAL"),
            ("government_cause", "TEXT"), ("land_use", "TEXT"), ("industry", "TEXT"), ("enterprise", "TEXT"), ("floor_area_m2", "REAL"),
            ("footprint_area_m2", "REAL"), ("yard_area_m2", "REAL"), ("admin_area_m2", "REAL"), ("green_area_m2", "REAL"),
        ]);
        for (var n = 0; n < grid.Kept.Count; n++)
        {
            var cellIndex = grid.Kept[n];
            var cell = grid.Cells[cellIndex];
            var ring = grid.Ring(cell);
            var polygon = grid.Polygon(cell);
            if (shapes.NextDouble() < 0.005)
            {
                // 0.5 % enlarged by 20 %: they overlap their neighbours (and may stick out of their batch).
                var centre = polygon.Centroid.Coordinate;
                polygon = polygon.Factory.CreatePolygon(ring.Select(c => new Coordinate(centre.X + ((c.X - centre.X) * 1.2), centre.Y + ((c.Y - centre.Y) * 1.2))).ToArray());
            }

            if (checkedValid++ < 200 && !new IsValidOp(polygon).IsValid)
            {
                throw new InvalidOperationException("generated an invalid parcel");
            }

            var park = parks[cell.ParkId - 1];
            var area = polygon.Area;
            var mu = area / (10_000.0 / 15);
            var batch = batches.BatchOfCell[cellIndex];
            DateOnly? approvedOn = batch >= 0 ? batches.Batches[batch].ApprovedOn : null;

            DateOnly? suppliedOn = null;
            var supplyChance = approvedOn is { } a ? a.Year switch { <= 2019 => 0.95, <= 2021 => 0.85, 2022 => 0.7, 2023 => 0.55, 2024 => 0.4, _ => 0.2 } : 0.6;
            if (random.NextDouble() < supplyChance)
            {
                var date = approvedOn is { } approved
                    ? approved.AddDays(random.Next(30, 1100))
                    : new DateOnly(2016, 1, 1).AddDays(random.Next(AsOf.DayNumber - new DateOnly(2016, 1, 1).DayNumber + 1));
                suppliedOn = date <= AsOf || random.NextDouble() < 0.1 ? date : null;
            }

            var supplied = suppliedOn is { } s0 && s0 <= AsOf;
            if (suppliedOn is not null && (enterprise < 0 || enterprisePark != park.ParkId || random.NextDouble() < 0.7))
            {
                enterprise++;
                enterprisePark = park.ParkId;
                enterpriseIndustry = random.NextDouble() < 0.82
                    ? park.LeadingIndustries[random.Next(park.LeadingIndustries.Count)]
                    : SyntheticPark.OtherIndustries[random.Next(SyntheticPark.OtherIndustries.Count)];
            }

            DateOnly? agreed = null, actual = null, halted = null;
            double? developed = null, invested = null, price = null;
            string? cause = null;
            double? floor = null, footprint = null, yard = null, admin = null, green = null;
            if (supplied)
            {
                var s = suppliedOn!.Value;
                agreed = s.AddDays(random.Next(90, 366));
                if (random.NextDouble() < 0.003)
                {
                    agreed = null;
                }

                if (random.NextDouble() < 0.8)
                {
                    var start = (agreed ?? s.AddDays(180)).AddDays(random.Next(-60, 501));
                    actual = start <= AsOf ? start : null;
                }

                if (actual is { } started && random.NextDouble() < 0.12)
                {
                    var stop = started.AddDays(random.Next(30, 1501));
                    halted = stop <= AsOf ? stop : null;
                }

                (developed, invested) = actual is null ? (0.0, 0.0)
                    : halted is null ? (Ratio(random, 0.1, 1.0), Ratio(random, 0.1, 1.0))
                    : (Ratio(random, 0.05, 0.9), Ratio(random, 0.05, 0.9));
                if (halted is not null && random.NextDouble() < 0.02)
                {
                    (developed, invested) = (null, Ratio(random, 0.25, 0.9));
                }

                if ((actual is null || halted is not null) && random.NextDouble() < 0.1)
                {
                    cause = GovernmentCauses[random.Next(GovernmentCauses.Length)];
                }

                price = random.NextDouble() < 0.002 ? null : Math.Round(mu * Uniform(random, 6, 25), 2);
                if (actual is { } built && (built.AddDays(400) <= AsOf || random.NextDouble() < 0.4))
                {
                    floor = Math.Round(area * Uniform(random, 0.3, 2.2), 2);
                    footprint = Math.Round(area * Uniform(random, 0.18, 0.65), 2);
                    yard = random.NextDouble() < 0.3 ? Math.Round(area * Uniform(random, 0.02, 0.12), 2) : null;
                    admin = Math.Round(area * Uniform(random, 0.02, 0.10), 2);
                    green = Math.Round(area * Uniform(random, 0.05, 0.25), 2);
                }
            }

            var hasEnterprise = suppliedOn is not null;
            var industry = hasEnterprise ? enterpriseIndustry : null;
            string? enterpriseName = hasEnterprise
                ? string.Create(CultureInfo.InvariantCulture, $"鄂尔多斯市{EnterpriseWords[enterprise % EnterpriseWords.Length]}{industry}有限公司{enterprise:000000}")
                : null;
            var parcelId = string.Create(CultureInfo.InvariantCulture, $"P{n + 1:0000000}");
            int? parkId = random.NextDouble() < 0.02 ? null : park.ParkId;
            table.Add(polygon,
            [
                parcelId, parkId, suppliedOn, industry is null ? null : industry == "公用设施" ? "划拨" : "出让", agreed, actual, developed, invested, halted,
                price, cause, LandUse(industry, n), industry, enterpriseName, floor, footprint, yard, admin, green,
            ]);
            if (floor is not null && actual is { } productive && productive.Year < 2025)
            {
                economic.Add(new EconomicParcel(n, parcelId, enterprise, enterpriseName!, mu, Math.Max(2021, productive.Year + 1), price ?? 0));
            }
        }

        return economic;
    }

    private static string? LandUse(string? industry, int n) => industry switch
    {
        null => null,
        "物流" => "1101",
        "公用设施" => n % 2 == 0 ? "1302" : "1303",
        "煤炭开采" => "1002",
        "电子信息" or "生物医药" or "装备制造" or "新材料" => "100101",
        "光伏" or "氢能" => "100102",
        _ => "100103",
    };

    private static double Ratio(Random random, double low, double high) => Math.Round(Uniform(random, low, high), 3);

    private static double Uniform(Random random, double low, double high) => low + (random.NextDouble() * (high - low));
}

/// <summary>A built parcel that reports economics from <paramref name="FirstYear"/> (≥ 2021) to 2025.</summary>
internal readonly record struct EconomicParcel(int Index, string ParcelId, int Enterprise, string EnterpriseName, double AreaMu, int FirstYear, double LandPriceWan);
