using System.CommandLine;
using ParkGis.Cli.Localization;
using ParkGis.Web.Tiles;

namespace ParkGis.Cli.Commands;

/// <summary>
/// The vector-tile options of <c>export</c>: <c>--tiles</c>, <c>--tile-format</c>, <c>--min-zoom</c>,
/// <c>--max-zoom</c>, <c>--max-tiles</c>, <c>--max-tiles-mb</c>. Any of them asks for tiles.
/// </summary>
internal sealed class TileOptionsParser
{
    private const long Megabyte = 1 << 20;

    private TileOptionsParser()
    {
        var defaults = TileOptions.Default;
        Tiles = new Option<bool>("--tiles")
        {
            Description = Text.Get("TilesOption"),
        };
        Formats = new Option<string>("--tile-format")
        {
            Description = Text.Get("TileFormatOption"),
            HelpName = "pmtiles,mbtiles,folder",
        };
        Formats.Validators.Add(result =>
        {
            if (ParseFormats(result.GetValueOrDefault<string>()) is null)
            {
                result.AddError(Text.Get("TileFormatInvalid"));
            }
        });
        MinZoom = ZoomOption("--min-zoom", defaults.MinZoom, Text.Get("MinZoomOption"));
        MaxZoom = ZoomOption("--max-zoom", defaults.MaxZoom, Text.Get("MaxZoomOption"));
        MaxTiles = new Option<long>("--max-tiles")
        {
            Description = Text.Get("MaxTilesOption"),
            DefaultValueFactory = _ => defaults.MaxTiles,
            HelpName = "N",
        };
        MaxTiles.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<long>() < 1)
            {
                result.AddError(Text.Get("MaxTilesInvalid"));
            }
        });
        MaxMegabytes = new Option<long>("--max-tiles-mb")
        {
            Description = Text.Get("MaxTilesMbOption"),
            DefaultValueFactory = _ => defaults.MaxBytes / Megabyte,
            HelpName = "MB",
        };
        MaxMegabytes.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<long>() is < 1 or > long.MaxValue / Megabyte)
            {
                result.AddError(Text.Get("MaxTilesMbInvalid"));
            }
        });
    }

    /// <summary><c>--tiles</c>.</summary>
    public Option<bool> Tiles { get; }

    /// <summary><c>--tile-format</c>.</summary>
    public Option<string> Formats { get; }

    /// <summary><c>--min-zoom</c>.</summary>
    public Option<int> MinZoom { get; }

    /// <summary><c>--max-zoom</c>.</summary>
    public Option<int> MaxZoom { get; }

    /// <summary><c>--max-tiles</c>.</summary>
    public Option<long> MaxTiles { get; }

    /// <summary><c>--max-tiles-mb</c>.</summary>
    public Option<long> MaxMegabytes { get; }

    /// <summary>Adds the options to <paramref name="command"/>, with the check that the lowest zoom is not above the highest.</summary>
    public static TileOptionsParser AddTo(Command command)
    {
        var parser = new TileOptionsParser();
        command.Options.Add(parser.Tiles);
        command.Options.Add(parser.Formats);
        command.Options.Add(parser.MinZoom);
        command.Options.Add(parser.MaxZoom);
        command.Options.Add(parser.MaxTiles);
        command.Options.Add(parser.MaxMegabytes);
        command.Validators.Add(result =>
        {
            if (result.GetValue(parser.MinZoom) > result.GetValue(parser.MaxZoom))
            {
                result.AddError(Text.Get("ZoomOrderInvalid"));
            }
        });
        return parser;
    }

    /// <summary>The tile settings, or null when no tile option was given.</summary>
    public TileOptions? Read(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        Option[] given = [Formats, MinZoom, MaxZoom, MaxTiles, MaxMegabytes];
        if (!parse.GetValue(Tiles) && !given.Any(o => parse.GetResult(o) is { Implicit: false }))
        {
            return null;
        }

        var formats = ParseFormats(parse.GetValue(Formats)) ?? TileOptions.Default.Formats;
        return new TileOptions(parse.GetValue(MinZoom), parse.GetValue(MaxZoom), parse.GetValue(MaxTiles), parse.GetValue(MaxMegabytes) * Megabyte, formats);
    }

    /// <summary>The formats named in <paramref name="text"/>; the default for null; null when a name is unknown or none is given.</summary>
    private static TileArchiveFormats? ParseFormats(string? text)
    {
        if (text is null)
        {
            return TileOptions.Default.Formats;
        }

        var formats = TileArchiveFormats.None;
        foreach (var name in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            formats |= name.ToLowerInvariant() switch
            {
                "pmtiles" => TileArchiveFormats.PmTiles,
                "mbtiles" => TileArchiveFormats.MbTiles,
                "folder" => TileArchiveFormats.Folder,
                _ => (TileArchiveFormats)(-1),
            };
        }

        return formats is TileArchiveFormats.None || (int)formats < 0 ? null : formats;
    }

    private static Option<int> ZoomOption(string name, int defaultValue, string description)
    {
        var option = new Option<int>(name)
        {
            Description = description + Text.Format("ZoomRange", TileOptions.HighestZoom, defaultValue),
            DefaultValueFactory = _ => defaultValue,
            HelpName = "Z",
        };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > TileOptions.HighestZoom)
            {
                result.AddError(Text.Format("ZoomInvalid", name, TileOptions.HighestZoom));
            }
        });
        return option;
    }
}
