namespace ParkGis.Core.Idle;

/// <summary>A count and an area of idle parcels (宗数、面积), for the splits by cause and by kind.</summary>
/// <param name="Parcels">Parcels.</param>
/// <param name="AreaM2">Their area, summed over parcels, m².</param>
public sealed record IdleTally(int Parcels, double AreaM2)
{
    /// <summary>Nothing.</summary>
    public static IdleTally Zero { get; } = new(0, 0);

    /// <summary>The tally of <paramref name="parcels"/>.</summary>
    public static IdleTally Of(IEnumerable<IdleParcel> parcels)
    {
        ArgumentNullException.ThrowIfNull(parcels);
        var list = parcels.ToList();
        return new IdleTally(list.Count, list.Sum(p => p.AreaM2));
    }
}
