using System.CommandLine;
using ParkGis.Cli.Localization;

namespace ParkGis.Cli.Commands;

/// <summary>The argument and options every command shares, spelled the same everywhere.</summary>
internal static class CommonOptions
{
    /// <summary>The dataset, first argument of every command: a folder or a <c>pg:</c> schema.</summary>
    public static Argument<string> DatasetArgument() => new("DATASET")
    {
        Description = Text.Get("DatasetArgument"),
    };

    /// <summary><c>--out DIR</c>, required.</summary>
    public static Option<string> OutOption()
    {
        var option = new Option<string>("--out")
        {
            Description = Text.Get("OutOption"),
            Required = true,
            HelpName = "DIR",
        };
        option.Validators.Add(result =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValueOrDefault<string>()))
            {
                result.AddError(Text.Get("OutNotFolder"));
            }
        });
        return option;
    }

    /// <summary><c>--format geojson|shp|gpkg|gdb</c>: the GIS format result layers are also written in.</summary>
    public static Option<string> GisFormatOption()
    {
        var option = new Option<string>("--format")
        {
            Description = Text.Get("FormatOption"),
            DefaultValueFactory = _ => "geojson",
            HelpName = "geojson|shp|gpkg|gdb",
        };
        option.AcceptOnlyFromAmong([.. IO.Output.GisFormats.OptionValues]);
        return option;
    }

    /// <summary><c>--xlsx</c>: also write the command's ledgers (台账) as an Excel workbook, DIR/COMMAND.xlsx.</summary>
    public static Option<bool> XlsxOption() => new("--xlsx")
    {
        Description = Text.Get("XlsxOption"),
    };

    /// <summary><c>--fix</c>: the repair policy of the run, the same for every analysis.</summary>
    public static Option<bool> FixOption() => new("--fix")
    {
        Description = Text.Get("FixOption"),
    };

    /// <summary><c>--rules FILE</c>: the one rules file (a section per analysis), the same option on every command that applies a local rule.</summary>
    public static Option<string?> RulesOption() => new("--rules")
    {
        Description = Text.Get("RulesOption"),
        HelpName = "FILE",
    };

    /// <summary><c>--overwrite</c>.</summary>
    public static Option<bool> OverwriteOption() => new("--overwrite")
    {
        Description = Text.Get("OverwriteOption"),
    };
}
