using System.Text.Json;
using ParkGis.Core.Idle;
using ParkGis.Core.Measures;
using static ParkGis.IO.Output.JsonOutput;

namespace ParkGis.IO.Output;

/// <summary>
/// Writes <c>idle.json</c>, the machine-readable result of <c>parkgis idle</c> (闲置土地; a public contract: see
/// docs/cli.md). Parcels sorted by id (ordinal); areas planar m² rounded to 1e-6; fees in 万元 rounded to 1e-4
/// (one yuan); byte-identical for identical input.
/// </summary>
public static class IdleJsonWriter
{
    /// <summary>Writes the result to a file.</summary>
    public static void Write(string path, IdleLandResult result) =>
        JsonOutput.WriteFile(path, writer => WriteDocument(writer, result));

    /// <summary>Writes the result to a stream.</summary>
    public static void Write(Stream stream, IdleLandResult result)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(result);
        JsonOutput.Write(stream, writer => WriteDocument(writer, result));
    }

    private static void WriteDocument(Utf8JsonWriter writer, IdleLandResult result)
    {
        writer.WriteStartObject();
        writer.WriteString("as_of", Date(result.AsOf));
        writer.WriteBoolean("has_idle_land", result.HasIdleLand);
        writer.WriteStartArray("parcels");
        foreach (var parcel in result.Parcels)
        {
            var v = parcel.Verdict;
            writer.WriteStartObject();
            writer.WriteString("parcel_id", parcel.ParcelId);
            writer.WriteString("park_id", parcel.ParkId);
            writer.WriteString("status", IdleStatuses.Name(v.Status));
            writer.WriteNumber("idle_days", v.IdleDays);
            if (v.IdleFeeWan is { } fee)
            {
                writer.WriteNumber("idle_fee_wan", Fee(fee));
            }
            else
            {
                writer.WriteNull("idle_fee_wan");
            }

            writer.WriteBoolean("reclaim_eligible", v.ReclaimEligible);
            writer.WriteBoolean("supplied_not_started", v.SuppliedNotStarted);
            writer.WriteNumber("area_m2", Round(parcel.AreaM2));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WritePropertyName("totals");
        WriteSummary(writer, result.Totals, withPark: false);
        writer.WriteStartObject("status_counts");
        foreach (var (status, count) in result.StatusCounts)
        {
            writer.WriteNumber(IdleStatuses.Name(status), count);
        }

        writer.WriteEndObject();
        writer.WriteStartArray("parks");
        foreach (var park in result.Parks)
        {
            WriteSummary(writer, park, withPark: true);
        }

        writer.WriteEndArray();
        DataIssuesJson.Write(writer, "data_issues", result.Issues);
        writer.WriteEndObject();
    }

    private static void WriteSummary(Utf8JsonWriter writer, IdleParkSummary s, bool withPark)
    {
        writer.WriteStartObject();
        if (withPark)
        {
            writer.WriteString("park_id", s.ParkId);
            writer.WriteString("name", s.Name);
        }

        writer.WriteNumber("idle_m2", Round(s.IdleAreaM2));
        writer.WriteNumber("idle_mu", Round(AreaUnits.ToMu(s.IdleAreaM2)));
        writer.WriteNumber("idle_parcels", s.IdleParcels);
        writer.WriteNumber("idle_fee_wan", Fee(s.IdleFeeWan));
        writer.WriteNumber("reclaim_m2", Round(s.ReclaimAreaM2));
        writer.WriteNumber("reclaim_parcels", s.ReclaimParcels);
        writer.WriteNumber("government_delay_parcels", s.GovernmentDelayParcels);
        writer.WriteNumber("supplied_not_started_parcels", s.SuppliedNotStartedParcels);
        writer.WriteNumber("supplied_not_started_m2", Round(s.SuppliedNotStartedAreaM2));
        writer.WriteNumber("unknown_parcels", s.UnknownParcels);
        writer.WriteEndObject();
    }

    private static double Fee(double wan) => Round(wan, 4);
}
