using System.Globalization;
using System.Text;

namespace ParkGis.Bench;

/// <summary>
/// Writes economics.csv (经济指标表, UTF-8 with BOM, canonical headers) for the built parcels: one row per parcel and
/// year from the year after construction started (2021 at the earliest: the baseline year) to 2025, with output,
/// revenue, tax, value added, cumulative fixed investment (land price included), energy, emissions, employees, R&amp;D
/// and electricity. Values are addressed by parcel and year (<see cref="UnitHash"/>), not drawn in order. For 10 % of
/// the enterprises with several built parcels the rows are keyed by enterprise only (parcel_id empty), summed.
/// </summary>
internal static class EconomicsCsvWriter
{
    public const int FirstYear = 2021;
    public const int LastYear = 2025;

    /// <summary>Writes the table and returns the number of rows.</summary>
    public static int Write(string path, IReadOnlyList<EconomicParcel> parcels, int seed)
    {
        var salt = (ulong)(uint)seed;
        var byEnterprise = new HashSet<int>(parcels.GroupBy(p => p.Enterprise).Where(g => g.Count() > 1 && UnitHash.Of(salt, g.Key, 99) < 0.1).Select(g => g.Key));
        using var writer = new StreamWriter(path, false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 20) { NewLine = "\n" };
        writer.WriteLine("parcel_id,enterprise,year,output_wan,revenue_wan,tax_wan,value_added_wan,fixed_investment_wan,energy_tce,emissions_t,employees,rd_wan,electricity_kwh");
        var rows = 0;
        var sums = new double[10];
        for (var year = FirstYear; year <= LastYear; year++)
        {
            var pending = false;
            for (var k = 0; k < parcels.Count; k++)
            {
                var p = parcels[k];
                var reports = p.FirstYear <= year;
                if (!byEnterprise.Contains(p.Enterprise))
                {
                    if (reports)
                    {
                        Row(writer, p.ParcelId, p.EnterpriseName, year, Values(p, year, salt));
                        rows++;
                    }

                    continue;
                }

                if (reports)
                {
                    var values = Values(p, year, salt);
                    for (var i = 0; i < sums.Length; i++)
                    {
                        sums[i] += values[i];
                    }

                    pending = true;
                }

                if (pending && (k + 1 == parcels.Count || parcels[k + 1].Enterprise != p.Enterprise))
                {
                    Row(writer, string.Empty, p.EnterpriseName, year, sums);
                    Array.Clear(sums);
                    pending = false;
                    rows++;
                }
            }
        }

        return rows;
    }

    private static double[] Values(EconomicParcel p, int year, ulong salt)
    {
        double H(int k) => UnitHash.Of(salt, p.Index, k);
        var since = year - FirstYear;
        var output = (30 + (470 * H(1))) * p.AreaMu * Math.Pow(0.97 + (0.23 * H(2)), since) * (0.95 + (0.1 * H(20 + year)));
        var revenue = output * (0.9 + (0.2 * H(3)));
        var energy = output * (0.05 + (0.55 * H(7))) * (1 - (0.02 * since));
        return
        [
            output, revenue, output * (0.02 + (0.06 * H(4))), output * (0.2 + (0.15 * H(5))),
            p.LandPriceWan + (p.AreaMu * (150 + (450 * H(6))) * (1 + (0.05 * (year - p.FirstYear)))),
            energy, energy * (1.5 + (1.3 * H(8))), Math.Max(1, Math.Round(p.AreaMu * (0.5 + (4.5 * H(9))))), revenue * (0.005 + (0.035 * H(10))),
            energy * (2000 + (6000 * H(11))),
        ];
    }

    private static void Row(StreamWriter writer, string parcelId, string enterprise, int year, double[] v)
    {
        writer.Write(parcelId);
        writer.Write(',');
        writer.Write(enterprise);
        writer.Write(',');
        writer.Write(year.ToString(CultureInfo.InvariantCulture));
        foreach (var value in v)
        {
            writer.Write(',');
            writer.Write(value.ToString("0.##", CultureInfo.InvariantCulture));
        }

        writer.WriteLine();
    }
}
