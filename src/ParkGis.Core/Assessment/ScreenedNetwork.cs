using ParkGis.Core.Data;
using ParkGis.Core.Infrastructure;

namespace ParkGis.Core.Assessment;

/// <summary>A utility network (管网) screened once: the lines and valid polygons that can be measured against, and the issues of the rest.</summary>
/// <param name="Layer">The layer as read.</param>
/// <param name="Features">The features kept.</param>
/// <param name="Issues">The features left out, as data issues.</param>
public sealed record ScreenedNetwork(Layer Layer, IReadOnlyList<NetworkFeature> Features, IReadOnlyList<DataIssue> Issues);
