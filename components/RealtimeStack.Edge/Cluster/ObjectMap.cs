namespace RealtimeStack.Edge.Cluster;

/// <summary>Ordered maps for resource specs and chart values, so the rendered configuration and its hash are stable.</summary>
internal static class ObjectMap
{
    public static SortedDictionary<string, object> Of(params (string Key, object? Value)[] entries)
    {
        var map = new SortedDictionary<string, object>(StringComparer.Ordinal);
        // A null value is an absent field, never a JSON null: the CRDs' structural schemas reject nulls.
        foreach (var (key, value) in entries)
            if (value is not null) map.Add(key, value);
        return map;
    }
}
