namespace ParkGis.Core.Industry;

/// <summary>What the 主导产业 share divides by (docs/rules.md#leading-share-basis).</summary>
public enum LeadingShareBasis
{
    /// <summary>The output of the park's industrial firms: 物流仓储 land's output left out unless its industry is leading.</summary>
    IndustrialOutput,

    /// <summary>All output of the park's parcels.</summary>
    AllOutput,
}
