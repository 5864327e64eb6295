namespace ParkGis.Core.Intensity;

/// <summary>
/// The land status of one parcel as the supply and idle-land analyses decide it: the input seam through which
/// their results reach the 集约利用 indicators 土地供应率, 土地建成率 and 土地闲置率.
/// </summary>
/// <param name="ParcelId">宗地编号.</param>
/// <param name="Supplied">Formally supplied (已供, class D).</param>
/// <param name="Built">Built up (已建成, class A); overrides what the intensity analysis derives from the parcel fields; null = derive.</param>
/// <param name="Idle">Idle land (闲置土地, class G).</param>
public sealed record ParcelLandStatus(string ParcelId, bool Supplied, bool? Built, bool Idle);
