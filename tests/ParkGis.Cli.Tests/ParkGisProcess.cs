using System.Diagnostics;

namespace ParkGis.Cli.Tests;

/// <summary>Starts the built <c>parkgis</c> as a real process that signals reach.</summary>
internal static class ParkGisProcess
{
    private const string Perl = "/usr/bin/perl";

    /// <summary>
    /// Start information for <c>dotnet parkgis.dll ARGS</c> with stdout and stderr redirected. A process started from a
    /// background job inherits SIGINT ignored (Ctrl-C must not reach background jobs) and .NET leaves it so; perl
    /// (Debian's perl-base is always there) restores the default before exec.
    /// </summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(File.Exists(Perl) ? Perl : "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        if (File.Exists(Perl))
        {
            foreach (var arg in new[] { "-e", "$SIG{INT} = 'DEFAULT'; exec @ARGV or die $!;", "dotnet" })
            {
                start.ArgumentList.Add(arg);
            }
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "parkgis.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }
}
