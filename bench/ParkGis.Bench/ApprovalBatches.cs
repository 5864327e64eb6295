using System.Globalization;
using NetTopologySuite.Coverage;
using NetTopologySuite.Geometries;

namespace ParkGis.Bench;

/// <summary>
/// Construction-land approval batches (建设用地批次) over the parcel grid: each block of
/// <see cref="BlockCells"/>×<see cref="BlockCells"/> cells of a park part is one batch feature, traced along the
/// cells' own edges (so parcels lie exactly inside), approved 2016–2025; 4 % of the blocks are in no batch (land
/// supplied there is 未批先供) and 4 % of the batches have a second feature (two blocks, one batch id).
/// </summary>
internal sealed class ApprovalBatches
{
    /// <summary>Cells per side of a block.</summary>
    public const int BlockCells = 7;

    private readonly List<(int Batch, Geometry Geometry)> _features;

    private ApprovalBatches(List<ApprovalBatch> batches, int[] batchOfCell, List<(int Batch, Geometry Geometry)> features)
    {
        (Batches, BatchOfCell, _features) = (batches, batchOfCell, features);
    }

    /// <summary>The batches, in the order of their first block.</summary>
    public IReadOnlyList<ApprovalBatch> Batches { get; }

    /// <summary>Per cell of the grid (same index), the batch it lies in, or -1.</summary>
    public IReadOnlyList<int> BatchOfCell { get; }

    /// <summary>Draws the batches for the grid's blocks.</summary>
    public static ApprovalBatches Build(Random random, ParcelGrid grid, IReadOnlyList<SyntheticPark> parks)
    {
        var blockOf = new Dictionary<(int Part, int Bi, int Bj), int>();
        var blocks = new List<List<int>>();
        for (var c = 0; c < grid.Cells.Count; c++)
        {
            var cell = grid.Cells[c];
            var key = (cell.Part, cell.I / BlockCells, cell.J / BlockCells);
            if (!blockOf.TryGetValue(key, out var b))
            {
                b = blocks.Count;
                blockOf.Add(key, b);
                blocks.Add([]);
            }

            blocks[b].Add(c);
        }

        var batches = new List<ApprovalBatch>();
        var blockBatch = new int[blocks.Count];
        var perYear = new Dictionary<int, int>();
        for (var b = 0; b < blocks.Count; b++)
        {
            var park = parks[grid.Cells[blocks[b][0]].ParkId - 1];
            if (random.NextDouble() >= 0.96)
            {
                blockBatch[b] = -1;
                continue;
            }

            var last = batches.Count - 1;
            if (random.NextDouble() < 0.04 && last >= 0 && batches[last].ParkId == park.ParkId && batches[last].Features == 1)
            {
                blockBatch[b] = last;
                batches[last] = batches[last] with { Features = 2 };
                continue;
            }

            var year = 2016 + random.Next(10);
            var approvedOn = new DateOnly(year, 1, 1).AddDays(random.Next(DateTime.IsLeapYear(year) ? 366 : 365));
            var number = perYear[year] = perYear.GetValueOrDefault(year) + 1;
            var ministry = random.NextDouble() < 0.1;
            batches.Add(new ApprovalBatch(
                string.Create(CultureInfo.InvariantCulture, $"{year}-{park.Banner}-批-{number:0000}"),
                string.Create(CultureInfo.InvariantCulture, $"{park.Name}{year}年度第{number}批次城镇建设用地"),
                ministry ? string.Create(CultureInfo.InvariantCulture, $"自然资函〔{year}〕{number}号") : string.Create(CultureInfo.InvariantCulture, $"内政土发〔{year}〕{number}号"),
                approvedOn,
                park.ParkId,
                park.Banner,
                1));
            blockBatch[b] = batches.Count - 1;
        }

        var batchOfCell = new int[grid.Cells.Count];
        for (var b = 0; b < blocks.Count; b++)
        {
            foreach (var c in blocks[b])
            {
                batchOfCell[c] = blockBatch[b];
            }
        }

        // One feature per approved block: the union of its cells (exactly shared edges, so a coverage union).
        var approvedBlocks = Enumerable.Range(0, blocks.Count).Where(b => blockBatch[b] >= 0).ToList();
        var geometries = new Geometry[approvedBlocks.Count];
        Parallel.For(0, approvedBlocks.Count, k =>
        {
            var cells = blocks[approvedBlocks[k]];
            geometries[k] = cells.Count == 1 ? grid.Polygon(grid.Cells[cells[0]]) : CoverageUnion.Union([.. cells.Select(c => (Geometry)grid.Polygon(grid.Cells[c]))]);
        });
        var features = approvedBlocks.Select((b, k) => (blockBatch[b], geometries[k])).ToList();
        return new ApprovalBatches(batches, batchOfCell, features);
    }

    /// <summary>Writes the approvals layer.</summary>
    public void Write(IFeatureSink sink)
    {
        var area = new double[Batches.Count];
        foreach (var (batch, geometry) in _features)
        {
            area[batch] += geometry.Area;
        }

        using var table = sink.Table("approvals", "GEOMETRY",
        [
            ("batch_id", "TEXT"), ("batch_name", "TEXT"), ("approval_no", "TEXT"), ("approved_on", "DATE"), ("approved_area_ha", "REAL"), ("banner", "TEXT"),
        ]);
        foreach (var (batch, geometry) in _features)
        {
            var b = Batches[batch];
            table.Add(geometry, [b.BatchId, b.Name, b.ApprovalNo, b.ApprovedOn, Math.Round(area[batch] / 10_000, 2), b.Banner]);
        }
    }
}

/// <summary>One approval batch (批次).</summary>
internal sealed record ApprovalBatch(string BatchId, string Name, string ApprovalNo, DateOnly ApprovedOn, int ParkId, string Banner, int Features);
