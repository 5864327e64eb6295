using System.CommandLine;

namespace ParkGis.Cli.Commands;

/// <summary>The argument and options every command shares, spelled the same everywhere.</summary>
internal static class CommonOptions
{
    /// <summary>The dataset folder, first argument of every command.</summary>
    public static Argument<string> DatasetArgument() => new("DATASET")
    {
        Description = "Dataset folder: layers named parks, ecological_redline (STBHHX), permanent_farmland (YJJBNTBHTB), "
            + "urban_boundary (CZKFBJ), approvals, parcels as .geojson/.json/.shp/.gpkg, optional parkgis.json.",
    };

    /// <summary><c>--out DIR</c>, required.</summary>
    public static Option<string> OutOption()
    {
        var option = new Option<string>("--out")
        {
            Description = "Output folder, never an input or inside one; results appear there only when the run succeeds, all or nothing.",
            Required = true,
            HelpName = "DIR",
        };
        option.Validators.Add(result =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValueOrDefault<string>()))
            {
                result.AddError("--out must name a folder.");
            }
        });
        return option;
    }

    /// <summary><c>--overwrite</c>.</summary>
    public static Option<bool> OverwriteOption() => new("--overwrite")
    {
        Description = "Also write into an output folder that holds files ParkGis did not write; they are left untouched (ParkGis replaces only its own files).",
    };
}
