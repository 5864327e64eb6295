using System.Diagnostics;
using ParkGis.Core.Errors;
using ParkGis.Web.Localization;

namespace ParkGis.Web.Report;

/// <summary>
/// Prints the report to PDF (<c>report --pdf</c>) through headless Chromium, the browser a bureau machine has: the
/// page's own print layout (A3 landscape map sheet, then the charts and tables). Chromium is looked up on PATH
/// (chromium, chromium-browser, google-chrome, google-chrome-stable, or the file named by PARKGIS_CHROMIUM); it
/// opens the page from file:// with networking disabled and a throwaway profile it deletes afterwards.
/// </summary>
public static class ReportPdf
{
    /// <summary>The names tried on PATH, in order.</summary>
    public static IReadOnlyList<string> BrowserNames { get; } = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    /// <summary>The Chromium executable, or null when none is installed.</summary>
    public static string? FindBrowser() =>
        FindBrowser(Environment.GetEnvironmentVariable("PARKGIS_CHROMIUM"), Environment.GetEnvironmentVariable("PATH"));

    /// <summary>The Chromium executable: <paramref name="named"/> when given (null when it does not exist), else the first on <paramref name="path"/>.</summary>
    internal static string? FindBrowser(string? named, string? path)
    {
        if (named is { Length: > 0 })
        {
            return File.Exists(named) ? Path.GetFullPath(named) : null;
        }

        path ??= string.Empty;
        foreach (var name in BrowserNames)
        {
            foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Throws <see cref="UnusableInputException"/> (PG0411) when no Chromium is installed: checked before the analyses run,
    /// so that nothing is written.
    /// </summary>
    public static string RequireBrowser() => RequireBrowser(FindBrowser());

    /// <summary><paramref name="browser"/>, or PG0411 when it is null.</summary>
    internal static string RequireBrowser(string? browser) => browser ?? throw new UnusableInputException(
        ErrorCodes.PdfBrowserMissing,
        Localized.Format("PdfBrowserMissing", string.Join(", ", BrowserNames)),
        hint: Localized.Get("PdfBrowserMissingHint"));

    /// <summary>Prints <paramref name="html"/> to <paramref name="pdf"/>.</summary>
    /// <param name="browser">The Chromium executable (<see cref="RequireBrowser"/>).</param>
    /// <param name="html">The report page.</param>
    /// <param name="pdf">The PDF to write.</param>
    /// <param name="cancellation">Stops the browser.</param>
    public static void Print(string browser, string html, string pdf, CancellationToken cancellation = default)
    {
        var profile = Directory.CreateTempSubdirectory("parkgis-chromium-");
        try
        {
            var start = new ProcessStartInfo(browser)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            string[] arguments =
            [
                "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--no-default-browser-check",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
                "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
                "--user-data-dir=" + profile.FullName,
                "--no-pdf-header-footer", "--run-all-compositor-stages-before-draw", "--virtual-time-budget=20000",
                "--print-to-pdf=" + Path.GetFullPath(pdf),
                new Uri(Path.GetFullPath(html)).AbsoluteUri,
            ];
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException($"{browser} did not start.");
            var stdout = process.StandardOutput.ReadToEndAsync(cancellation);
            var stderr = process.StandardError.ReadToEndAsync(cancellation);
            using (cancellation.Register(() => Kill(process)))
            {
                if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
                {
                    Kill(process);
                    throw new UnusableInputException(ErrorCodes.PdfPrintFailed, Localized.Format("PdfTimeout", browser),
                        hint: Localized.Get("PdfHeadlessHint"));
                }
            }

            cancellation.ThrowIfCancellationRequested();
            var log = stderr.Result;
            _ = stdout.Result;
            if (process.ExitCode != 0 || !File.Exists(pdf) || new FileInfo(pdf).Length == 0)
            {
                var last = log.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(3);
                throw new UnusableInputException(ErrorCodes.PdfPrintFailed,
                    Localized.Format("PdfExited", browser, process.ExitCode, string.Join(" | ", last)),
                    hint: Localized.Get("PdfHeadlessHint"));
            }
        }
        finally
        {
            try
            {
                profile.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A helper process may still hold the profile for a moment; it lives in the temp folder.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
        }
    }
}
