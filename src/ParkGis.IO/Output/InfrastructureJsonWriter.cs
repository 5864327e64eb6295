using System.Text.Json;
using ParkGis.Core.Data;
using ParkGis.Core.Infrastructure;
using ParkGis.Core.Measures;
using static ParkGis.IO.Output.JsonOutput;

namespace ParkGis.IO.Output;

/// <summary>
/// Writes <c>infrastructure.json</c>, the machine-readable result of <c>parkgis infrastructure</c> (a public
/// contract: docs/cli.md). Areas are planar m² in each park's analysis CRS rounded to 1e-6; coverages are shares
/// 0–1 rounded to 1e-6; <c>null</c> means unknown. Byte-identical for identical input.
/// </summary>
public static class InfrastructureJsonWriter
{
    /// <summary>Writes the result to a file.</summary>
    public static void Write(string path, InfrastructureResult result) =>
        JsonOutput.WriteFile(path, writer => WriteDocument(writer, result));

    /// <summary>Writes the result to a stream.</summary>
    public static void Write(Stream stream, InfrastructureResult result)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(result);
        JsonOutput.Write(stream, writer => WriteDocument(writer, result));
    }

    private static void WriteDocument(Utf8JsonWriter writer, InfrastructureResult result)
    {
        writer.WriteStartObject();
        writer.WriteStartObject("service_distance_m");
        foreach (var role in UtilityNetworks.All)
        {
            writer.WriteNumber(LayerRoles.Name(role), result.Options.DistanceM(role));
        }

        writer.WriteEndObject();
        writer.WriteNumber("min_coverage", result.Options.MinCoverage);
        writer.WriteNumber("service_area_builds", result.ServiceAreaBuilds);
        writer.WriteBoolean("has_failures", result.HasFailures);
        writer.WriteStartArray("parks");
        foreach (var park in result.Parks)
        {
            writer.WriteStartObject();
            writer.WriteString("park_id", park.ParkId);
            writer.WriteString("name", park.Name);
            writer.WriteString("crs", park.Crs.Code);
            writer.WriteNumber("supplied_parcels", park.SuppliedParcels);
            writer.WriteNumber("supplied_area_m2", Round(park.SuppliedAreaM2));
            writer.WriteNumber("supplied_area_ha", Round(AreaUnits.ToHectares(park.SuppliedAreaM2)));
            writer.WriteBoolean("has_steam", park.HasSteam);
            BooleanOrNull(writer, "networks_met", park.MeetsNetworks);
            BooleanOrNull(writer, "levelled", park.Levelled);
            BooleanOrNull(writer, "meets_jiutong_yiping", park.MeetsAll);
            if (park.MeanCoverage is { } mean)
            {
                writer.WriteNumber("mean_coverage", Round(mean));
            }
            else
            {
                writer.WriteNull("mean_coverage");
            }

            writer.WriteStartObject("utilities");
            foreach (var utility in park.Utilities)
            {
                writer.WriteStartObject(LayerRoles.Name(utility.Utility));
                writer.WriteBoolean("layer", utility.LayerPresent);
                writer.WriteBoolean("required", utility.Required);
                writer.WriteNumber("distance_m", utility.DistanceM);
                if (utility.Coverage is { } coverage)
                {
                    writer.WriteNumber("coverage", Round(coverage));
                }
                else
                {
                    writer.WriteNull("coverage");
                }

                writer.WriteNumber("served_area_m2", Round(utility.ServedAreaM2));
                writer.WriteNumber("unserved_area_m2", Round(utility.Unserved.Sum(u => u.AreaM2)));
                writer.WriteStartArray("unserved_parcels");
                foreach (var parcel in utility.Unserved)
                {
                    writer.WriteStringValue(parcel.ParcelId);
                }

                writer.WriteEndArray();
                BooleanOrNull(writer, "meets", utility.Meets);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        DataIssuesJson.Write(writer, "data_issues", result.Issues);
        writer.WriteEndObject();
    }
}
