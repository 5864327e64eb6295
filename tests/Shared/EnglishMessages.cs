using System.Globalization;
using System.Runtime.CompilerServices;

namespace ParkGis.Tests.Shared;

/// <summary>
/// These tests assert on the engine's English wording, so they read its messages in English whatever the machine's
/// locale; the Chinese default is tested through the CLI (MessageLanguageTests). One file, compiled into each library
/// test project (Core, IO, PostGis, Web).
/// </summary>
internal static class EnglishMessages
{
#pragma warning disable CA2255 // a test assembly's one-time set-up, not a library's
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Use()
    {
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.GetCultureInfo("en");
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
    }
}
