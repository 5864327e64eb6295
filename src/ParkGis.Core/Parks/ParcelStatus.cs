using ParkGis.Core.Data;

namespace ParkGis.Core.Parks;

/// <summary>Status of a parcel (宗地) read from its attributes.</summary>
public static class ParcelStatus
{
    /// <summary>
    /// True for a supplied or built parcel (已供/已建): <c>supplied_on</c> or <c>actual_start</c> is filled. Any
    /// text counts — an unparseable date still says the land was supplied; its date is the supply rules' concern.
    /// </summary>
    public static bool IsSuppliedOrBuilt(Layer parcels, Feature parcel)
    {
        ArgumentNullException.ThrowIfNull(parcels);
        return parcels.Text(parcel, "supplied_on") is not null || parcels.Text(parcel, "actual_start") is not null;
    }
}
