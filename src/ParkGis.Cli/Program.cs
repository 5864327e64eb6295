using System.Text;

namespace ParkGis.Cli;

/// <summary>Entry point of the <c>parkgis</c> command.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        return ParkGisApp.Run(args, Console.Out, Console.Error);
    }
}
