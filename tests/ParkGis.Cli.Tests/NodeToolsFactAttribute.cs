namespace ParkGis.Cli.Tests;

/// <summary>A fact that needs tests/node (and optionally chromium): skipped with the reason when absent, except under CI=true, where it runs and fails.</summary>
internal sealed class NodeToolsFactAttribute : FactAttribute
{
    public NodeToolsFactAttribute(bool needsChromium = false)
    {
        var missing = NodeTools.MissingReason(needsChromium);
        if (missing is not null && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Skip = $"{missing}; tests/setup.d/60-browser.sh installs it.";
        }
    }
}
