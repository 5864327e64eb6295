namespace ParkGis.Core.Supply;

/// <summary>
/// The window supply rate of one 旗区 (旗区近五年平均供地率, docs/rules.md#supply-yardstick): the batches of the 旗区
/// approved in the window, Σsupplied / Σapproved against the 60 % yardstick.
/// </summary>
/// <param name="Banner">The 旗区.</param>
/// <param name="Window">The window restricted to the 旗区's batches (same dates and yardstick).</param>
public sealed record BannerSupplyWindow(string Banner, SupplyWindow Window);
