namespace ParkGis.Core.Data;

/// <summary>A dataset: the layers found by role, and the data issues met while reading them.</summary>
/// <param name="Name">How the user named the dataset (a folder path or a connection).</param>
/// <param name="Layers">The layers present, by role.</param>
/// <param name="Issues">Problems met while reading, in the order found.</param>
public sealed record Dataset(string Name, IReadOnlyDictionary<LayerRole, Layer> Layers, IReadOnlyList<DataIssue> Issues)
{
    /// <summary>The layer with a role, or null.</summary>
    public Layer? Find(LayerRole role) => Layers.TryGetValue(role, out var layer) ? layer : null;
}
