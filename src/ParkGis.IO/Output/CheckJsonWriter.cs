using System.Text.Json;
using ParkGis.Core.Conflicts;
using ParkGis.Core.Measures;
using static ParkGis.IO.Output.JsonOutput;

namespace ParkGis.IO.Output;

/// <summary>
/// Writes <c>check.json</c>, the machine-readable result of <c>parkgis check</c> (a public contract: see
/// docs/cli.md). Areas are planar m² in each park's analysis CRS, rounded to 1e-6 m²; 亩 and 公顷 are added
/// for people. Byte-identical for identical input.
/// </summary>
public static class CheckJsonWriter
{
    /// <summary>Writes the result to a file.</summary>
    public static void Write(string path, ConflictCheckResult result) =>
        JsonOutput.WriteFile(path, writer => WriteDocument(writer, result));

    /// <summary>Writes the result to a stream.</summary>
    public static void Write(Stream stream, ConflictCheckResult result)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(result);
        JsonOutput.Write(stream, writer => WriteDocument(writer, result));
    }

    private static void WriteDocument(Utf8JsonWriter writer, ConflictCheckResult result)
    {
        writer.WriteStartObject();
        writer.WriteNumber("min_area_m2", result.MinAreaM2);
        writer.WriteBoolean("has_conflicts", result.HasConflicts);
        writer.WriteStartArray("parks");
        foreach (var park in result.Parks)
        {
            writer.WriteStartObject();
            writer.WriteString("park_id", park.ParkId);
            writer.WriteString("name", park.Name);
            writer.WriteString("crs", park.Crs.Code);
            WriteArea(writer, park.AreaM2);
            writer.WriteStartObject("conflicts");
            foreach (var kind in ConflictKinds.All)
            {
                var tally = park.Conflicts[kind];
                writer.WriteStartObject(ConflictKinds.Name(kind));
                WriteArea(writer, tally.AreaM2);
                writer.WriteNumber("patches", tally.Patches);
                writer.WriteNumber("suppressed", tally.SuppressedCount);
                writer.WriteNumber("suppressed_area_m2", Round(tally.SuppressedAreaM2));
                writer.WriteBoolean("checked", tally.Checked);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        WriteBanners(writer, result.Banners);
        if (result.Parcels is { } parcels)
        {
            writer.WriteStartObject("parcels");
            writer.WriteNumber("count", parcels.Count);
            writer.WriteStartObject("conflicts");
            WriteParcelTally(writer, "ecological_redline", parcels.EcologicalRedline);
            WriteParcelTally(writer, "permanent_farmland", parcels.PermanentFarmland);
            WriteParcelTally(writer, "outside_park", parcels.OutsidePark);
            writer.WriteStartObject("parcel_overlap");
            WriteArea(writer, parcels.ParcelOverlap.AreaM2);
            writer.WriteNumber("pairs", parcels.ParcelOverlap.Pairs);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("parcels");
        }

        DataIssuesJson.Write(writer, "data_issues", result.Issues);
        writer.WriteEndObject();
    }

    /// <summary>旗区 totals (docs/rules.md#conflict-banner-totals); null when the check ran in the database.</summary>
    private static void WriteBanners(Utf8JsonWriter writer, IReadOnlyList<BannerConflicts>? banners)
    {
        if (banners is null)
        {
            writer.WriteNull("banners");
            return;
        }

        writer.WriteStartArray("banners");
        foreach (var banner in banners)
        {
            writer.WriteStartObject();
            writer.WriteString("banner", banner.Banner);
            writer.WriteNumber("parks", banner.ParkIds.Count);
            writer.WriteStartArray("park_ids");
            foreach (var id in banner.ParkIds)
            {
                writer.WriteStringValue(id);
            }

            writer.WriteEndArray();
            writer.WriteStartObject("conflicts");
            foreach (var kind in ConflictKinds.All)
            {
                var tally = banner.Conflicts[kind];
                writer.WriteStartObject(ConflictKinds.Name(kind));
                WriteArea(writer, tally.AreaM2);
                writer.WriteNumber("patches", tally.Patches);
                writer.WriteNumber("parks", tally.Parks);
                writer.WriteBoolean("checked", tally.Checked);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteParcelTally(Utf8JsonWriter writer, string name, ParcelTally tally)
    {
        writer.WriteStartObject(name);
        WriteArea(writer, tally.AreaM2);
        writer.WriteNumber("parcels", tally.Parcels);
        writer.WriteBoolean("checked", tally.Checked);
        writer.WriteEndObject();
    }

    private static void WriteArea(Utf8JsonWriter writer, double areaM2)
    {
        writer.WriteNumber("area_m2", Round(areaM2));
        writer.WriteNumber("area_mu", Round(AreaUnits.ToMu(areaM2)));
        writer.WriteNumber("area_ha", Round(AreaUnits.ToHectares(areaM2)));
    }
}
