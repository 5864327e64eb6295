using System.CommandLine;

namespace ParkGis.Cli.Commands;

/// <summary>The argument and options every command shares, spelled the same everywhere.</summary>
internal static class CommonOptions
{
    /// <summary>The dataset, first argument of every command: a folder or a <c>pg:</c> schema.</summary>
    public static Argument<string> DatasetArgument() => new("DATASET")
    {
        Description = "Dataset folder: layers named parks, ecological_redline (STBHHX), permanent_farmland (YJJBNTBHTB), "
            + "urban_boundary (CZKFBJ), approvals, parcels as .geojson/.json/.shp/.gpkg, optional parkgis.json; "
            + "or a PostGIS schema: pg:Host=…;Database=…;Username=…;Password=…;Schema=….",
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

    /// <summary><c>--format geojson|shp|gpkg|gdb</c>: the GIS format result layers are also written in.</summary>
    public static Option<string> GisFormatOption()
    {
        var option = new Option<string>("--format")
        {
            Description = "Also write every layer as a GIS file: shp (GBK shapefile with .cpg and .prj), gpkg (GeoPackage) or gdb (FileGDB), "
                + "in the dataset's CRS, beside the GeoJSON (needs libgdal).",
            DefaultValueFactory = _ => "geojson",
            HelpName = "geojson|shp|gpkg|gdb",
        };
        option.AcceptOnlyFromAmong([.. IO.Output.GisFormats.OptionValues]);
        return option;
    }

    /// <summary><c>--fix</c>: the repair policy of the run, the same for every analysis.</summary>
    public static Option<bool> FixOption() => new("--fix")
    {
        Description = "Repair invalid geometries (NTS GeometryFixer) and report the area each repair changed; without it they are reported and left out of every analysis.",
    };

    /// <summary><c>--overwrite</c>.</summary>
    public static Option<bool> OverwriteOption() => new("--overwrite")
    {
        Description = "Also write into an output folder that holds files ParkGis did not write; they are left untouched (ParkGis replaces only its own files).",
    };
}
