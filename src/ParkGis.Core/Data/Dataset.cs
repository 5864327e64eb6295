using ParkGis.Core.Localization;

namespace ParkGis.Core.Data;

/// <summary>A dataset: the layers found by role, and the data issues met while reading them.</summary>
/// <param name="Name">How the user named the dataset (a folder path or a connection).</param>
/// <param name="Layers">The layers present, by role.</param>
/// <param name="Issues">Problems met while reading, in the order found.</param>
public sealed record Dataset(string Name, IReadOnlyDictionary<LayerRole, Layer> Layers, IReadOnlyList<DataIssue> Issues)
{
    /// <summary>The layer with a role, or null.</summary>
    public Layer? Find(LayerRole role) => Layers.TryGetValue(role, out var layer) ? layer : null;

    /// <summary>Files of the dataset folder that no role claimed (file names, ordinal order); empty for a database.</summary>
    public IReadOnlyList<string> UnrecognisedFiles { get; init; } = [];

    /// <summary>
    /// What to do about a missing layer of <paramref name="role"/>: the names it may have (role name, Chinese name,
    /// standard code) and the files that were found and not recognised.
    /// </summary>
    public string MissingLayerHint(LayerRole role)
    {
        var name = LayerRoles.Name(role);
        var names = string.Join(" / ", new[] { name }.Concat(LayerRoles.Aliases(role).Take(3)).Select(n => n + ".shp"));
        var hint = Localized.Format("MissingLayerNameHint", names, name);
        return UnrecognisedFiles.Count == 0
            ? hint
            : Localized.Format("UnrecognisedFilesHint", string.Join(", ", UnrecognisedFiles), hint);
    }
}
