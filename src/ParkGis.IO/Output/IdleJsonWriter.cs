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
        writer.WriteStartObject("rules");
        writer.WriteNumber("fee_share", result.Rules.FeeShare);
        writer.WriteNumber("reclaim_years", result.Rules.ReclaimYears);
        writer.WriteBoolean("halted_fee", result.Rules.HaltedFee);
        writer.WriteBoolean("halted_reclaim", result.Rules.HaltedReclaim);
        writer.WriteEndObject();
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
            NullableString(writer, "cause", v.Cause);
            NullableString(writer, "kind", v.Kind);
            NullableString(writer, "government_cause_item", v.GovernmentCauseItem);
            NullableString(writer, "fee_basis", v.FeeBasis);
            if (v.Disposal is { } disposal)
            {
                writer.WriteStartObject("disposal");
                writer.WriteString("article", disposal.Article);
                writer.WriteStartArray("measures");
                foreach (var measure in disposal.Measures)
                {
                    writer.WriteStringValue(measure);
                }

                writer.WriteEndArray();
                writer.WriteString("basis", disposal.Basis);
                writer.WriteEndObject();
            }
            else
            {
                writer.WriteNull("disposal");
            }

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
        writer.WriteStartArray("banners");
        foreach (var banner in result.Banners)
        {
            WriteSummary(writer, banner, withPark: false, withBanner: true);
        }

        writer.WriteEndArray();
        DataIssuesJson.Write(writer, "data_issues", result.Issues);
        writer.WriteEndObject();
    }

    private static void WriteSummary(Utf8JsonWriter writer, IdleParkSummary s, bool withPark, bool withBanner = false)
    {
        writer.WriteStartObject();
        if (withPark)
        {
            writer.WriteString("park_id", s.ParkId);
            writer.WriteString("name", s.Name);
        }

        if (withPark || withBanner)
        {
            writer.WriteString("banner", s.Banner);
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
        writer.WriteNumber("idle_fee_halted_wan", Fee(s.IdleFeeHaltedWan));
        writer.WriteNumber("reclaim_mu", Round(AreaUnits.ToMu(s.ReclaimAreaM2)));
        writer.WriteStartObject("by_cause");
        Tally(writer, "enterprise", s.ByEnterprise);
        Tally(writer, "government", s.ByGovernment);
        writer.WriteEndObject();
        writer.WriteStartObject("by_kind");
        Tally(writer, "unstarted", s.Unstarted);
        Tally(writer, "halted", s.Halted);
        writer.WriteEndObject();
        writer.WriteNumber("supplied_m2", Round(s.SuppliedAreaM2));
        if (s.IdleRate is { } rate)
        {
            writer.WriteNumber("idle_rate", Round(rate));
        }
        else
        {
            writer.WriteNull("idle_rate");
        }

        writer.WriteEndObject();
    }

    private static void Tally(Utf8JsonWriter writer, string name, IdleTally tally)
    {
        writer.WriteStartObject(name);
        writer.WriteNumber("parcels", tally.Parcels);
        writer.WriteNumber("m2", Round(tally.AreaM2));
        writer.WriteNumber("mu", Round(AreaUnits.ToMu(tally.AreaM2)));
        writer.WriteEndObject();
    }

    private static void NullableString(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    private static double Fee(double wan) => Round(wan, 4);
}
