namespace ParkGis.Core.Data;

/// <summary>
/// The order data issues are reported in by every output: layer, feature, code, message (ordinal), so that no
/// output depends on the order features came in.
/// </summary>
public static class DataIssueOrder
{
    /// <summary>Compares two issues.</summary>
    public static int Compare(DataIssue? a, DataIssue? b)
    {
        if (ReferenceEquals(a, b))
        {
            return 0;
        }

        if (a is null || b is null)
        {
            return a is null ? -1 : 1;
        }

        var c = string.CompareOrdinal(a.Layer, b.Layer);
        c = c != 0 ? c : string.CompareOrdinal(a.Feature, b.Feature);
        c = c != 0 ? c : string.CompareOrdinal(a.Code, b.Code);
        return c != 0 ? c : string.CompareOrdinal(a.Message, b.Message);
    }
}
