using NetTopologySuite.Geometries;
using ParkGis.Core.Crs;

namespace ParkGis.Core.Data;

/// <summary>
/// The parcels layer (宗地) in chunks of file order, for the conflict check: every parcel's envelope in file order
/// (cheap: no geometry built) and each chunk's features, read on request, so that the check never needs every parcel
/// at once. A layer held whole in memory is one chunk (<see cref="Whole"/>); <see cref="Of"/> cuts one into chunks.
/// A reader's source (e.g. the one read transaction both passes over a file share) is let go after the last chunk is
/// read, when a chunk fails to read, or on <see cref="Dispose"/> (a check that stops otherwise, e.g. cancelled).
/// </summary>
public sealed class ParcelChunks : IDisposable
{
    private readonly Func<int, Envelope?> _envelopeOf;
    private readonly Func<int, int, IReadOnlyList<Feature>> _read;
    private readonly Func<IReadOnlyList<DataIssue>>? _issuesMet;
    private IDisposable? _source;

    /// <summary>Wraps a source of parcels read in chunks.</summary>
    /// <param name="layer">
    /// The parcels layer without its features (role, source name, format, CRS, field map); its <see cref="Layer.Features"/>
    /// are ignored.
    /// </param>
    /// <param name="count">How many parcels the layer holds.</param>
    /// <param name="perChunk">Parcels per chunk (at least 1).</param>
    /// <param name="envelopeOf">The envelope of the parcel at a position in file order (0-based), null when it has no geometry; safe on any thread.</param>
    /// <param name="read">The features at positions [start, start + count), ids assigned as for the whole layer, in file order.</param>
    /// <param name="issuesMet">
    /// The data issues met while reading the chunks that a reader reports once per layer (e.g. Z/M dropped), asked for
    /// once every chunk has been read; null for none.
    /// </param>
    /// <param name="source">
    /// What <paramref name="read"/> reads from, disposed once the last chunk has been read, when a chunk fails to read,
    /// or on <see cref="Dispose"/>, whichever comes first; null for nothing.
    /// </param>
    public ParcelChunks(
        Layer layer, int count, int perChunk, Func<int, Envelope?> envelopeOf, Func<int, int, IReadOnlyList<Feature>> read,
        Func<IReadOnlyList<DataIssue>>? issuesMet = null, IDisposable? source = null)
    {
        _issuesMet = issuesMet;
        _source = source;
        Layer = layer ?? throw new ArgumentNullException(nameof(layer));
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(perChunk, 1);
        Count = count;
        PerChunk = perChunk;
        _envelopeOf = envelopeOf ?? throw new ArgumentNullException(nameof(envelopeOf));
        _read = read ?? throw new ArgumentNullException(nameof(read));
    }

    /// <summary>The parcels layer's description (its features are not these chunks').</summary>
    public Layer Layer { get; }

    /// <summary>The layer's CRS.</summary>
    public CrsDefinition Crs => Layer.Crs;

    /// <summary>How many parcels the layer holds.</summary>
    public int Count { get; }

    /// <summary>Parcels per chunk (the last chunk may hold fewer).</summary>
    public int PerChunk { get; }

    /// <summary>How many chunks: at least one, so that an empty layer is still screened (and reported) once.</summary>
    public int ChunkCount => Math.Max(1, (int)((Count + (long)PerChunk - 1) / PerChunk));

    /// <summary>The layer itself when it is held whole in memory as one chunk (<see cref="Whole"/>); null otherwise.</summary>
    public Layer? WholeLayer { get; private init; }

    /// <summary>The layer held whole, as one chunk.</summary>
    public static ParcelChunks Whole(Layer layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        return Of(layer, Math.Max(1, layer.Features.Count));
    }

    /// <summary>A layer held in memory, cut into chunks of <paramref name="perChunk"/> parcels in file order.</summary>
    public static ParcelChunks Of(Layer layer, int perChunk)
    {
        ArgumentNullException.ThrowIfNull(layer);
        var features = layer.Features;
        return new ParcelChunks(
            layer with { Features = [] },
            features.Count,
            perChunk,
            i => features[i].Geometry is { IsEmpty: false } geometry ? geometry.EnvelopeInternal : null,
            (start, count) => features.Skip(start).Take(count).ToList())
        {
            WholeLayer = perChunk >= features.Count ? layer : null,
        };
    }

    /// <summary>
    /// Called each time the check has let go of a chunk of a layer in more than one chunk, with how many chunks it has
    /// checked so far: the moments the chunks' memory can be given back (the CLI may collect there,
    /// <c>StreamingMemory</c>); the last call (<see cref="ChunkCount"/>) comes before the kept parcels are searched. Null for
    /// nothing; never called for a layer in one chunk.
    /// </summary>
    public Action<int>? ChunkReleased { get; set; }

    /// <summary>The issues the reader met across the chunks read so far and reports once per layer.</summary>
    public IReadOnlyList<DataIssue> IssuesMet => _issuesMet?.Invoke() ?? [];

    /// <summary>The first position (0-based, file order) of chunk <paramref name="chunk"/>.</summary>
    public int Start(int chunk) => (int)Math.Min(Count, (long)chunk * PerChunk);

    /// <summary>The chunk of the parcel at <paramref name="position"/>.</summary>
    public int ChunkOf(int position) => position / PerChunk;

    /// <summary>The envelope of the parcel at <paramref name="position"/> (file order, 0-based), null when it has none.</summary>
    public Envelope? EnvelopeOf(int position) => _envelopeOf(position);

    /// <summary>Chunk <paramref name="chunk"/> as a layer: its features in file order, the layer's description otherwise.</summary>
    public Layer Read(int chunk)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(chunk);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(chunk, ChunkCount);
        if (WholeLayer is { } whole)
        {
            return whole;
        }

        var start = Start(chunk);
        IReadOnlyList<Feature> features;
        try
        {
            features = _read(start, Math.Min(PerChunk, Count - start));
        }
        catch
        {
            Dispose(); // a chunk that cannot be read ends the check
            throw;
        }

        if (chunk == ChunkCount - 1)
        {
            Dispose(); // the source is not read again
        }

        return Layer with { Features = features };
    }

    /// <summary>Lets go of the reader's source (see the constructor); safe to call more than once, from any thread.</summary>
    public void Dispose() => Interlocked.Exchange(ref _source, null)?.Dispose();
}
