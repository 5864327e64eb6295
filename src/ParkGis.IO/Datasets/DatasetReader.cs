using System.Globalization;
using NetTopologySuite.Geometries;
using ParkGis.Core.Conflicts;
using ParkGis.Core.Data;
using ParkGis.Core.Errors;
using ParkGis.IO.Configuration;
using ParkGis.IO.Formats;
using ParkGis.IO.Localization;

namespace ParkGis.IO.Datasets;

/// <summary>
/// Reads a dataset folder: finds layers by role (file base name or standard layer code, or the layers of one
/// GeoPackage), applies parkgis.json, reads each layer with its CRS.
/// </summary>
/// <remarks>
/// Layers are read in parallel; the result does not depend on timing (layers, issues and progress lines come in
/// role order). Every failure caused by the input is an <see cref="UnusableInputException"/> naming the file
/// relative to the dataset (<c>parks.shp</c>, <c>layers.gpkg:parcels</c>), the feature when known, and a hint.
/// Feature ids: see <see cref="Read"/>.
/// </remarks>
public static class DatasetReader
{
    /// <summary>Reads every layer found in a dataset folder.</summary>
    /// <remarks>
    /// Each feature's id is the value of the role's id field (parks <c>park_id</c>, parcels <c>parcel_id</c>,
    /// approvals <c>batch_id</c>; control layers <c>id</c>, <c>BSM</c>, <c>fid</c>, <c>OBJECTID</c>; renamed
    /// through parkgis.json <c>fields</c>), else its 1-based ordinal. Duplicate ids stay on the first feature
    /// and get <c>#2</c>, <c>#3</c>, … on the others, each reported as a <c>duplicate_id</c> issue.
    /// </remarks>
    /// <param name="folder">The dataset folder.</param>
    /// <param name="progress">Receives one line per layer read (for stderr); may be null.</param>
    /// <param name="onlyFields">
    /// When given, the attribute fields a command uses, by canonical name per role (renamed through parkgis.json);
    /// each layer's id field is always read and roles not listed get only their id. Formats that can skip columns
    /// (GeoPackage) then read nothing else — a parcel table often has dozens of fields the conflict check never
    /// looks at. Null reads every field.
    /// </param>
    /// <exception cref="UnusableInputException">The folder, a file or parkgis.json cannot be used.</exception>
    public static Dataset Read(string folder, IProgress<string>? progress = null, IReadOnlyDictionary<LayerRole, IReadOnlyList<string>>? onlyFields = null) =>
        Read(Discover(folder), progress, onlyFields) with { Name = folder };

    /// <summary>Reads every layer of a dataset folder already discovered (its parkgis.json parsed once, by <see cref="Discover"/>).</summary>
    /// <param name="layout">The folder's layout.</param>
    /// <param name="progress">Receives one line per layer read (for stderr); may be null.</param>
    /// <param name="onlyFields">The attribute fields a command uses (see <see cref="Read(string, IProgress{string}?, IReadOnlyDictionary{LayerRole, IReadOnlyList{string}}?)"/>); null for all.</param>
    /// <param name="controlsWithinReach">
    /// For the conflict check: read the parks and parcels first and leave the control features outside their reach
    /// (<see cref="ControlReach"/>) unbuilt where the format allows (<see cref="Layer.FeaturesLeftUnbuilt"/>); the
    /// layers are then meant for <see cref="ConflictCheck.KeepWithinReach"/>, which drops the rest.
    /// </param>
    public static Dataset Read(DatasetLayout layout, IProgress<string>? progress = null, IReadOnlyDictionary<LayerRole, IReadOnlyList<string>>? onlyFields = null, bool controlsWithinReach = false) =>
        Read(layout, progress, onlyFields, controlsWithinReach, null).Dataset;

    /// <summary>
    /// <see cref="Read(DatasetLayout, IProgress{string}?, IReadOnlyDictionary{LayerRole, IReadOnlyList{string}}?, bool)"/>, with a
    /// GeoPackage parcels table of more than four chunks of <paramref name="parcelsPerChunk"/> rows outlined and left to be read in chunks
    /// (<see cref="ParcelChunks"/>: the dataset's parcels layer then has no features); null reads every layer whole.
    /// <paramref name="parcelsStreaming"/> is told when the parcels are known to be read in chunks and when their outline is done.
    /// </summary>
    internal static (Dataset Dataset, ParcelChunks? ParcelChunks) Read(
        DatasetLayout layout, IProgress<string>? progress, IReadOnlyDictionary<LayerRole, IReadOnlyList<string>>? onlyFields, bool controlsWithinReach, int? parcelsPerChunk,
        ParcelStreaming? parcelsStreaming = null)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var chunks = new ParcelChunks?[1];
        try
        {
            return ReadWith(layout, progress, controlsWithinReach, new Reading(layout.Configuration, onlyFields, parcelsPerChunk, chunks, parcelsStreaming));
        }
        catch
        {
            chunks[0]?.Dispose(); // the parcels' snapshot, when they were outlined before another layer failed
            throw;
        }
    }

    private static (Dataset Dataset, ParcelChunks? ParcelChunks) ReadWith(DatasetLayout layout, IProgress<string>? progress, bool controlsWithinReach, Reading reading)
    {
        var parcelsStreaming = reading.Streaming;
        var chunks = reading.Chunks;
        var folder = layout.Folder;
        var layers = layout.Layers;
        var results = new (Layer Layer, List<DataIssue> Issues)[layers.Count];
        var failures = new Exception?[layers.Count];
        var all = Enumerable.Range(0, layers.Count).ToList();
        if (controlsWithinReach && all.Any(i => ControlReach.IsControl(layers[i].Role)))
        {
            // The reach comes from the parks and parcels, so they are read first; the same failure is thrown as in
            // one pass (the first layer in order that failed).
            var controls = all.Where(i => ControlReach.IsControl(layers[i].Role)).ToList();
            ReadLayers(layers, all.Except(controls).ToList(), null, reading, results, failures);
            if (chunks[0] is not null)
            {
                parcelsStreaming?.Outlined(); // before the control layers are read
            }
            var parks = all.FirstOrDefault(i => layers[i].Role == LayerRole.Parks, -1);
            var parcels = all.FirstOrDefault(i => layers[i].Role == LayerRole.Parcels, -1);
            var reach = parks < 0 || failures.Any(failure => failure is not null) ? null
                : chunks[0] is { } outlined ? ControlReach.Of(results[parks].Layer, outlined)
                : ControlReach.Of(results[parks].Layer, parcels < 0 ? null : results[parcels].Layer);
            ReadLayers(layers, controls, reach, reading, results, failures);
        }
        else
        {
            ReadLayers(layers, all, null, reading, results, failures);
        }

        foreach (var failure in failures)
        {
            if (failure is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
            }
        }

        var byRole = new Dictionary<LayerRole, Layer>();
        var issues = new List<DataIssue>();
        foreach (var (layer, layerIssues) in results)
        {
            byRole.Add(layer.Role, layer);
            issues.AddRange(layerIssues);
            var count = layer.Role == LayerRole.Parcels && chunks[0] is { } outlined ? outlined.Count : layer.Features.Count + layer.FeaturesLeftUnbuilt;
            progress?.Report(Localized.Format("ProgressReadLayer", LayerRoles.Name(layer.Role), layer.Source, count, layer.Format, layer.Crs.Code));
        }

        return (new Dataset(folder, byRole, issues) { UnrecognisedFiles = layout.IgnoredFiles }, chunks[0]);
    }

    private static void ReadLayers(
        IReadOnlyList<LayerLocation> layers, List<int> which, ControlReach? reach, Reading reading, (Layer Layer, List<DataIssue> Issues)[] results, Exception?[] failures) =>
        Parallel.For(0, which.Count, k =>
        {
            var i = which[k];
            try
            {
                results[i] = layers[i].Role == LayerRole.Parcels && layers[i].Format == LayerFormats.GeoPackage && reading.ParcelsPerChunk is { } perChunk
                    && OutlineParcels(layers[i], reading, perChunk) is { } outlined
                    ? outlined
                    : ReadLayer(layers[i], reading.Configuration, reading.OnlyFields, reach);
            }
            catch (Exception exception)
            {
                failures[i] = exception;
            }
        });

    /// <summary>
    /// Finds the layers of a dataset folder without reading them: which file or table has which role, and the
    /// files no role claims (for <c>parkgis info</c>).
    /// </summary>
    /// <param name="folder">The dataset folder.</param>
    /// <exception cref="UnusableInputException">The folder does not exist (PG0101), two files claim one role (PG0103), parkgis.json is invalid (PG0301).</exception>
    public static DatasetLayout Discover(string folder)
    {
        try
        {
            return DatasetDiscovery.Discover(folder);
        }
        catch (Exception exception) when (IsInputFailure(exception))
        {
            throw Unreadable(Path.GetFileName(Path.TrimEndingDirectorySeparator(folder)), exception);
        }
    }

    /// <summary>
    /// A table of at most this many chunks is read whole: its parcels fit in memory (4 × 65 536 parcels: about 200 MB as
    /// read) and the outline, the boundary set and the second overlap search would cost about a tenth more CPU
    /// (measured at 100 000 parcels in two chunks: +10 % user CPU, docs/performance.md).
    /// </summary>
    private const int ChunksWorthStreaming = 4;

    /// <summary>
    /// A GeoPackage parcels table of more than <see cref="ChunksWorthStreaming"/> × <paramref name="perChunk"/> rows, outlined (ids assigned, each row's box)
    /// and left to be read in chunks (<see cref="Reading.Chunks"/>): its layer without features and the issues of reading
    /// it; null to read it whole (a small table, or one <see cref="GeoPackageLayerReader.ReadOutline"/> cannot outline).
    /// </summary>
    private static (Layer Layer, List<DataIssue> Issues)? OutlineParcels(LayerLocation location, Reading reading, int perChunk)
    {
        var roleName = LayerRoles.Name(location.Role);
        var configured = location.Configuration?.Fields ?? new Dictionary<string, string>(StringComparer.Ordinal);
        var request = Request(location, reading.Configuration, reading.OnlyFields, null, configured);
        GeoPackageOutline? outline;
        try
        {
            outline = GeoPackageLayerReader.ReadOutline(request, FeatureIdAssigner.IdCandidates(location.Role, configured), ChunksWorthStreaming * (long)perChunk, reading.Streaming?.Outlining);
        }
        catch (Exception exception) when (IsInputFailure(exception))
        {
            throw Unreadable(location.Source, exception);
        }

        if (outline is null)
        {
            return null;
        }

        var snapshot = outline.Snapshot;
        try
        {
            return Outlined(location, reading, perChunk, request, outline, roleName, configured);
        }
        catch
        {
            snapshot.Dispose();
            throw;
        }
    }

    /// <summary>
    /// <see cref="OutlineParcels"/> once the outline is read: the chunks (<see cref="Reading.Chunks"/>) read through the
    /// outline's snapshot, which they own from here on; null to read the table whole (the snapshot is then let go).
    /// </summary>
    private static (Layer Layer, List<DataIssue> Issues)? Outlined(
        LayerLocation location, Reading reading, int perChunk, LayerReadRequest request, GeoPackageOutline outline, string roleName, IReadOnlyDictionary<string, string> configured)
    {
        var snapshot = outline.Snapshot;
        if (outline.Rowids.Length <= ChunksWorthStreaming * (long)perChunk)
        {
            snapshot.Dispose();
            return null;
        }

        var crs = outline.Crs;
        var fieldMap = LayerFields.Map(location.Role, location.Source, configured, outline.FieldNames, outline.Rowids.Length > 0);
        var issues = new List<DataIssue>();
        if (outline.ForeignSrsIds > 0)
        {
            issues.Add(GeoPackageLayerReader.ForeignSrsIdIssue(request, outline.ColumnSrsId, outline.ForeignSrsIds, outline.FirstForeign, outline.FirstForeignSrsId));
        }

        var ids = FeatureIdAssigner.AssignIds(location.Role, location.Source, outline.IdRows, fieldMap, issues);
        var (rowids, boxes) = (outline.Rowids, outline.Boxes);
        var layer = new Layer(location.Role, location.Source, location.Format, crs, [], fieldMap);
        var zm = new ZmCount();
        reading.Chunks[0] = new ParcelChunks(
            layer,
            rowids.Length,
            perChunk,
            i => double.IsNaN(boxes[4 * i]) ? null : new Envelope(boxes[4 * i], boxes[(4 * i) + 2], boxes[(4 * i) + 1], boxes[(4 * i) + 3]),
            (start, count) =>
            {
                List<SourceFeature> read;
                try
                {
                    read = GeoPackageLayerReader.ReadChunk(snapshot, request, crs, rowids[start], rowids[start + count - 1], start);
                }
                catch (Exception exception) when (IsInputFailure(exception))
                {
                    throw Unreadable(location.Source, exception);
                }

                if (read.Count != count)
                {
                    throw Unreadable(location.Source, new InvalidDataException(Localized.Format("GpkgChangedWhileRead", count, read.Count)));
                }

                var planar = PlanarCoordinates.Flatten(read, out var withZm, out var first);
                zm.Add(withZm, first);
                CoordinatePlausibility.Check(location.Source, crs, planar);
                var features = new Feature[count];
                for (var k = 0; k < count; k++)
                {
                    features[k] = new Feature(ids[start + k], planar[k].Ordinal, planar[k].Geometry, planar[k].Attributes);
                }

                return features;
            },
            () => zm.Count == 0 ? [] : [PlanarCoordinates.Issue(roleName, location.Source, zm.Count, zm.First)],
            snapshot);
        return (layer, issues);
    }

    private static LayerReadRequest Request(
        LayerLocation location, ParkGisConfiguration? configuration, IReadOnlyDictionary<LayerRole, IReadOnlyList<string>>? onlyFields, ControlReach? reach,
        IReadOnlyDictionary<string, string> configured)
    {
        var roleName = LayerRoles.Name(location.Role);
        IReadOnlyCollection<string>? columns = null;
        if (onlyFields is not null)
        {
            var canonical = onlyFields.TryGetValue(location.Role, out var fields) ? fields : [];
            var idField = FeatureIdAssigner.IdField(location.Role);
            columns = LayerFields.Candidates(location.Role, idField is null ? [.. canonical, "id"] : [.. canonical, idField], configured)
                .Concat(FeatureIdAssigner.IdCandidates(location.Role, configured))
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
        }

        return new LayerReadRequest(
            roleName, location.FilePath, location.Source, location.TableName, location.Configuration?.CrsEpsg, configuration?.DefaultCrsEpsg, columns,
            reach is null ? null : reach.FilterFor);
    }

    private static (Layer Layer, List<DataIssue> Issues) ReadLayer(
        LayerLocation location, ParkGisConfiguration? configuration, IReadOnlyDictionary<LayerRole, IReadOnlyList<string>>? onlyFields, ControlReach? reach)
    {
        var roleName = LayerRoles.Name(location.Role);
        var configured = location.Configuration?.Fields ?? new Dictionary<string, string>(StringComparer.Ordinal);
        var request = Request(location, configuration, onlyFields, reach, configured);
        SourceLayer source;
        try
        {
            source = location.Format switch
            {
                LayerFormats.Shapefile => ShapefileLayerReader.Read(request),
                LayerFormats.GeoPackage => GeoPackageLayerReader.Read(request),
                LayerFormats.CoordinateTxt => CoordinateTxtLayerReader.Read(request),
                _ when LayerFormats.NeedsGdal(location.Format) => OgrLayerReader.Read(request, location.Format),
                _ => GeoJsonLayerReader.Read(request),
            };
        }
        catch (Exception exception) when (IsInputFailure(exception))
        {
            throw Unreadable(location.Source, exception);
        }

        var fieldMap = LayerFields.Map(location.Role, location.Source, configured, LayerFields.Of(source), source.Features.Count > 0);
        var issues = new List<DataIssue>(source.Issues);
        var planar = PlanarCoordinates.Flatten(roleName, location.Source, source.Features, issues);
        CoordinatePlausibility.Check(location.Source, source.Crs, planar);
        foreach (var feature in planar)
        {
            // NTS computes and caches a geometry's envelope on first use. Every analysis indexes by envelope, so do it
            // now: an envelope cached later is a young object hung on an old geometry, which makes each collection
            // during the analysis scan the whole layer (measured: gen1 pauses of 100–200 ms at 100 000 parcels).
            _ = feature.Geometry.EnvelopeInternal;
        }

        var features = FeatureIdAssigner.Assign(location.Role, location.Source, planar, fieldMap, issues);
        var unbuilt = reach is null ? 0 : features.Count(feature => UnbuiltFeature.IsStandIn(feature.Geometry));
        if (unbuilt > 0)
        {
            features = features.Where(feature => !UnbuiltFeature.IsStandIn(feature.Geometry)).ToList();
        }

        return (new Layer(location.Role, location.Source, location.Format, source.Crs, features, fieldMap) { FeaturesLeftUnbuilt = unbuilt }, issues);
    }

    /// <summary>Failures of reading untrusted files; programming errors (not implemented, out of memory) pass through.</summary>
    private static bool IsInputFailure(Exception exception) =>
        exception is not UnusableInputException and not NotImplementedException and not OutOfMemoryException and not OperationCanceledException;

    /// <summary>
    /// What every layer of one read shares: the configuration, the fields used, and the parcels' chunking (its result in
    /// <see cref="Chunks"/>; <see cref="Streaming"/> told when the parcels are outlined).
    /// </summary>
    private sealed record Reading(
        ParkGisConfiguration? Configuration, IReadOnlyDictionary<LayerRole, IReadOnlyList<string>>? OnlyFields, int? ParcelsPerChunk, ParcelChunks?[] Chunks,
        ParcelStreaming? Streaming);

    /// <summary>Features with Z or M met across the chunks read, and the first of them (chunks are read in file order).</summary>
    private sealed class ZmCount
    {
        private readonly Lock _gate = new();

        public int Count { get; private set; }

        public int First { get; private set; }

        public void Add(int count, int first)
        {
            lock (_gate)
            {
                if (count > 0 && (Count == 0 || first < First))
                {
                    First = first;
                }

                Count += count;
            }
        }
    }

    private static UnusableInputException Unreadable(string inputName, Exception exception) => new(
        ErrorCodes.UnreadableInput,
        Localized.Format("InputUnreadable", inputName, exception.Message),
        inputName,
        hint: Localized.Get("InputUnreadableHint"),
        inner: exception);
}
