using System.Globalization;
using System.Text.Json;
using ParkGis.Core.Data;
using ParkGis.Core.Measures;
using ParkGis.Core.Supply;
using static ParkGis.IO.Output.JsonOutput;

namespace ParkGis.IO.Output;

/// <summary>
/// Writes <c>supply.json</c>, the machine-readable result of <c>parkgis supply</c> (批供台账; a public contract:
/// see docs/cli.md). Areas are planar m² rounded to 1e-6 m², rates to 1e-6; byte-identical for identical input.
/// </summary>
public static class SupplyJsonWriter
{
    /// <summary>Writes the result to a file.</summary>
    public static void Write(string path, SupplyLedgerResult result) =>
        JsonOutput.WriteFile(path, writer => WriteDocument(writer, result));

    /// <summary>Writes the result to a stream.</summary>
    public static void Write(Stream stream, SupplyLedgerResult result)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(result);
        JsonOutput.Write(stream, writer => WriteDocument(writer, result));
    }

    private static void WriteDocument(Utf8JsonWriter writer, SupplyLedgerResult result)
    {
        writer.WriteStartObject();
        writer.WriteString("as_of", Date(result.AsOf));
        writer.WriteNumber("window_years", result.Options.WindowYears);
        writer.WriteNumber("min_area_m2", result.Options.MinAreaM2);
        writer.WriteBoolean("has_findings", result.HasFindings);
        writer.WriteStartArray("batches");
        foreach (var batch in result.Batches)
        {
            writer.WriteStartObject();
            writer.WriteString("batch_id", batch.BatchId);
            writer.WriteString("approval_no", batch.ApprovalNo);
            DateOrNull(writer, "approved_on", batch.ApprovedOn);
            writer.WriteString("banner", batch.Banner);
            writer.WriteNumber("features", batch.Features);
            writer.WriteString("crs", batch.Crs.Code);
            WriteSupply(writer, batch.ApprovedM2, batch.SuppliedM2, batch.UnsuppliedM2, batch.SupplyRate);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("parks");
        foreach (var park in result.Parks)
        {
            writer.WriteStartObject();
            writer.WriteString("park_id", park.Id);
            writer.WriteString("name", park.Name);
            writer.WriteString("banner", park.Banner);
            writer.WriteString("crs", park.Crs.Code);
            WriteSupply(writer, park.ApprovedM2, park.SuppliedM2, park.UnsuppliedM2, park.SupplyRate);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("banners");
        foreach (var banner in result.Banners)
        {
            writer.WriteStartObject();
            writer.WriteString("banner", banner.Id);
            writer.WriteString("crs", banner.Crs.Code);
            WriteSupply(writer, banner.ApprovedM2, banner.SuppliedM2, banner.UnsuppliedM2, banner.SupplyRate);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        var window = result.Window;
        writer.WriteStartObject("window");
        writer.WriteString("from", Date(window.From));
        writer.WriteString("to", Date(window.To));
        writer.WriteNumber("batches", window.Batches);
        writer.WriteNumber("approved_m2", Round(window.ApprovedM2));
        writer.WriteNumber("supplied_m2", Round(window.SuppliedM2));
        WriteRate(writer, window.SupplyRate);
        writer.WriteNumber("yardstick_rate", window.YardstickRate);
        writer.WriteBoolean("below_yardstick", window.BelowYardstick);
        writer.WriteStartArray("parks");
        foreach (var park in result.ParksInWindow)
        {
            writer.WriteStartObject();
            writer.WriteString("park_id", park.Id);
            WriteSupply(writer, park.ApprovedM2, park.SuppliedM2, park.UnsuppliedM2, park.SupplyRate);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("banners");
        foreach (var banner in result.BannersInWindow)
        {
            var w = banner.Window;
            writer.WriteStartObject();
            writer.WriteString("banner", banner.Banner);
            writer.WriteNumber("batches", w.Batches);
            WriteSupply(writer, w.ApprovedM2, w.SuppliedM2, Math.Max(0, w.ApprovedM2 - w.SuppliedM2), w.SupplyRate);
            writer.WriteBoolean("below_yardstick", w.BelowYardstick);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteStartObject("supplied_without_approval");
        writer.WriteNumber("area_m2", Round(result.UnapprovedAreaM2));
        writer.WriteNumber("area_mu", Round(AreaUnits.ToMu(result.UnapprovedAreaM2)));
        writer.WriteNumber("area_ha", Round(AreaUnits.ToHectares(result.UnapprovedAreaM2)));
        writer.WriteNumber("parcels", result.Unapproved.Count);
        writer.WriteStartArray("parcel_ids");
        foreach (var parcel in result.Unapproved)
        {
            writer.WriteStringValue(parcel.ParcelId);
        }

        writer.WriteEndArray();
        writer.WriteNumber("suppressed", result.UnapprovedSuppressed);
        writer.WriteBoolean("existing_construction_checked", result.ExistingConstructionChecked);
        writer.WriteEndObject();
        DataIssuesJson.Write(writer, "data_issues", result.Issues);
        writer.WriteEndObject();
    }

    private static void WriteSupply(Utf8JsonWriter writer, double approved, double supplied, double unsupplied, double? rate)
    {
        writer.WriteNumber("approved_m2", Round(approved));
        writer.WriteNumber("supplied_m2", Round(supplied));
        writer.WriteNumber("unsupplied_m2", Round(unsupplied));
        writer.WriteNumber("approved_mu", Round(AreaUnits.ToMu(approved)));
        writer.WriteNumber("supplied_mu", Round(AreaUnits.ToMu(supplied)));
        writer.WriteNumber("unsupplied_mu", Round(AreaUnits.ToMu(unsupplied)));
        WriteRate(writer, rate);
    }

    private static void WriteRate(Utf8JsonWriter writer, double? rate)
    {
        if (rate is { } r)
        {
            writer.WriteNumber("supply_rate", Round(r));
        }
        else
        {
            writer.WriteNull("supply_rate");
        }
    }
}
