using System.Reflection;
using System.Runtime.InteropServices;

namespace ParkGis.Gdal;

/// <summary>
/// Loads Debian's libgdal (GDAL 地理空间数据抽象库) on first use, never at start-up, so that a machine without it
/// still reads GeoJSON, shapefiles and GeoPackages. Candidates in order: the file named by the environment
/// variable <c>PARKGIS_GDAL_LIBRARY</c> (alone, when set), then <c>libgdal.so.32</c> (Debian 12), the sonames of
/// later GDAL 3 releases, <c>libgdal.so</c> and <c>gdal</c>. The OGR C API ParkGis calls is the same in every
/// GDAL 3 release.
/// </summary>
public static class GdalLibrary
{
    /// <summary>The environment variable that names the libgdal file to load instead of the defaults.</summary>
    public const string PathVariable = "PARKGIS_GDAL_LIBRARY";

    /// <summary>The Debian package that provides the library ParkGis looks for first.</summary>
    public const string DebianPackage = "libgdal32";

    private static readonly string[] DefaultCandidates =
        ["libgdal.so.32", "libgdal.so.36", "libgdal.so.35", "libgdal.so.34", "libgdal.so.33", "libgdal.so", "gdal"];

    private static readonly Lock Gate = new();
    private static IntPtr _handle;
    private static bool _resolverSet;

    /// <summary>True when libgdal is loaded (or can be loaded now).</summary>
    public static bool IsAvailable
    {
        get
        {
            try
            {
                EnsureLoaded();
                return true;
            }
            catch (GdalUnavailableException)
            {
                return false;
            }
        }
    }

    /// <summary>Loads libgdal and registers its drivers, once per process.</summary>
    /// <exception cref="GdalUnavailableException">No candidate library could be loaded.</exception>
    public static void EnsureLoaded()
    {
        lock (Gate)
        {
            if (_handle != IntPtr.Zero)
            {
                return;
            }

            var configured = Environment.GetEnvironmentVariable(PathVariable);
            string[] candidates = string.IsNullOrWhiteSpace(configured) ? DefaultCandidates : [configured];
            foreach (var candidate in candidates)
            {
                if (NativeLibrary.TryLoad(candidate, out var handle))
                {
                    if (!_resolverSet)
                    {
                        NativeLibrary.SetDllImportResolver(typeof(GdalLibrary).Assembly, Resolve);
                        _resolverSet = true;
                    }

                    _handle = handle;
                    OgrNative.OGRRegisterAll();

                    // Design institutes draw parcel boundaries as closed polylines: read them as polygons.
                    OgrNative.CPLSetConfigOption("DXF_CLOSED_LINE_AS_POLYGON", "TRUE");

                    // GDAL's own warnings and errors ("Warning 1: Value … has been truncated", "ERROR 6: …") went
                    // straight to the process's stderr, in English and past the terminal escaping; ParkGis reads
                    // failures through CPLGetLastErrorMsg and says them itself, so GDAL's printing is silenced.
                    if (NativeLibrary.TryGetExport(handle, "CPLQuietErrorHandler", out var quiet))
                    {
                        _ = OgrNative.CPLSetErrorHandler(quiet);
                    }
                    return;
                }
            }

            throw new GdalUnavailableException(candidates);
        }
    }

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        string.Equals(libraryName, OgrNative.LibraryName, StringComparison.Ordinal) ? _handle : IntPtr.Zero;
}
