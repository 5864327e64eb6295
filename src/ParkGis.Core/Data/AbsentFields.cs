using ParkGis.Core.Localization;

namespace ParkGis.Core.Data;

/// <summary>
/// Fields a layer lacks altogether (字段缺失): no feature carries them under their own name, a parkgis.json mapping or
/// any alias (<see cref="FieldAliases"/>). For the fields listed here an empty value is an answer — no
/// <c>supplied_on</c> is "not supplied", no <c>actual_start</c> "not started" — so a layer without the field would get
/// that answer for every feature and no issue saying why; instead the layer gets one <c>missing_value</c> issue per
/// such field, worded the same whichever analysis finds it. An analysis asks only for the fields some feature needed.
/// </summary>
public static class AbsentFields
{
    /// <summary>The fields whose absence changes an answer, with what the analyses then assume (a message key).</summary>
    private static readonly (LayerRole Role, string Field, string Consequence)[] Consequences =
    [
        (LayerRole.Parcels, "supplied_on", "AbsentSuppliedOn"),
        (LayerRole.Parcels, "agreed_start", "AbsentAgreedStart"),
        (LayerRole.Parcels, "actual_start", "AbsentActualStart"),
        (LayerRole.Parcels, "halted_since", "AbsentHaltedSince"),
        (LayerRole.Parcels, "government_cause", "AbsentGovernmentCause"),
        (LayerRole.Approvals, "approved_on", "AbsentApprovedOn"),
    ];

    /// <summary>
    /// One issue for each of <paramref name="fields"/> that <paramref name="layer"/> lacks altogether (<see cref="Lacks"/>),
    /// in the order given.
    /// </summary>
    /// <exception cref="ArgumentException">A field this class has no consequence for: a defect.</exception>
    public static IEnumerable<DataIssue> Issues(Layer layer, params string[] fields)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(fields);
        foreach (var field in fields)
        {
            var consequence = Array.Find(Consequences, c => c.Role == layer.Role && string.Equals(c.Field, field, StringComparison.Ordinal)).Consequence
                ?? throw new ArgumentException($"No consequence is known for {layer.Role}.{field}.", nameof(fields));
            if (Lacks(layer, field))
            {
                var role = LayerRoles.Name(layer.Role);
                var names = ResourceText.List(FieldAliases.Of(layer.Role, field));
                yield return new DataIssue(role, string.Empty, DataIssueCodes.MissingValue,
                    Localized.Format("FieldAbsentFromLayer", role, field, FieldLabels.Label(field) ?? field, names, Localized.Get(consequence)));
            }
        }
    }

    /// <summary>Whether <paramref name="layer"/> has features and none of them carries <paramref name="field"/> (empty values count as carried).</summary>
    public static bool Lacks(Layer layer, string field)
    {
        ArgumentNullException.ThrowIfNull(layer);
        if (layer.Features.Count == 0)
        {
            return false;
        }

        var source = layer.SourceField(field);
        foreach (var feature in layer.Features)
        {
            if (feature.Attributes.ContainsKey(source))
            {
                return false;
            }
        }

        return true;
    }
}
