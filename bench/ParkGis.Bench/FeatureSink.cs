using NetTopologySuite.Geometries;

namespace ParkGis.Bench;

/// <summary>
/// Where the generator writes its layers: one table at a time, features added one by one (so a million parcels
/// never sit in memory). Values are <see cref="int"/>, <see cref="long"/>, <see cref="double"/>,
/// <see cref="string"/>, <see cref="DateOnly"/> or null; column types are GeoPackage type names.
/// </summary>
internal interface IFeatureSink : IDisposable
{
    /// <summary>Starts a feature table; dispose it to finish it.</summary>
    IFeatureTable Table(string name, string geometryType, IReadOnlyList<(string Name, string Type)> columns);
}

/// <summary>One feature table being written.</summary>
internal interface IFeatureTable : IDisposable
{
    /// <summary>Adds one feature.</summary>
    void Add(Geometry geometry, object?[] values);
}

/// <summary>Writes every table to several sinks at once (GeoPackage and GeoJSON from one pass).</summary>
internal sealed class TeeSink(IReadOnlyList<IFeatureSink> sinks) : IFeatureSink
{
    public IFeatureTable Table(string name, string geometryType, IReadOnlyList<(string Name, string Type)> columns) =>
        new TeeTable([.. sinks.Select(s => s.Table(name, geometryType, columns))]);

    public void Dispose()
    {
        foreach (var sink in sinks)
        {
            sink.Dispose();
        }
    }

    private sealed class TeeTable(IFeatureTable[] tables) : IFeatureTable
    {
        public void Add(Geometry geometry, object?[] values)
        {
            foreach (var table in tables)
            {
                table.Add(geometry, values);
            }
        }

        public void Dispose()
        {
            foreach (var table in tables)
            {
                table.Dispose();
            }
        }
    }
}
