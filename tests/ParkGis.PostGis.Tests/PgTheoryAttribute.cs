namespace ParkGis.PostGis.Tests;

/// <summary>A theory that needs the PostGIS server named by PARKGIS_TEST_PG; skipped or required as <see cref="PgFactAttribute"/>.</summary>
internal sealed class PgTheoryAttribute : TheoryAttribute
{
    public PgTheoryAttribute()
    {
        if (TestDatabase.ConnectionString is null && !TestDatabase.Required)
        {
            Skip = "PARKGIS_TEST_PG is not set: no PostGIS server to test against (bash tests/run.sh starts a throwaway one).";
        }
    }
}
