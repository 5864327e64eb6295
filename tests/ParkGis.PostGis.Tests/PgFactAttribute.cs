namespace ParkGis.PostGis.Tests;

/// <summary>
/// A fact that needs the PostGIS server named by PARKGIS_TEST_PG (tests/setup.d/50-postgis.sh starts a throwaway
/// one). Without it the test is skipped with the reason shown — unless PARKGIS_REQUIRE_PG=1 (CI), where it runs
/// and fails when the server is missing or unreachable.
/// </summary>
internal sealed class PgFactAttribute : FactAttribute
{
    public PgFactAttribute()
    {
        if (TestDatabase.ConnectionString is null && !TestDatabase.Required)
        {
            Skip = "PARKGIS_TEST_PG is not set: no PostGIS server to test against (bash tests/run.sh starts a throwaway one).";
        }
    }

    /// <summary>A benchmark data folder the test also needs; skipped with the reason shown when it is absent.</summary>
    public string? BenchData
    {
        get => null;
        init
        {
            if (value is not null && !Directory.Exists(value) && Skip is null)
            {
                Skip = $"Benchmark data {value} does not exist; generate it with /work/shared/bench/gen.py --scale 100.";
            }
        }
    }
}
