namespace RealtimeStack.Edge.Cluster;

/// <summary>
/// A namespaced or cluster-scoped Kubernetes object as the components create it and <c>edge render</c> prints it:
/// its type, name, and spec as data (maps, lists and scalars, spelled as the API or the CRD spells them).
/// <see cref="Namespace"/> is null when cluster-scoped.
/// </summary>
public sealed record CustomObject(string ApiVersion, string Kind, string Name, string? Namespace, SortedDictionary<string, object> Spec)
{
    /// <summary>Labels of the object's metadata (those another controller selects it by).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Labels { get; init; } = [];

    /// <summary>Annotations of the object's metadata (those a controller reads, such as ingress-nginx's).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Annotations { get; init; } = [];

    /// <summary>The Pulumi type token of this kind (<c>kubernetes:GROUP/VERSION:KIND</c>; the core group, whose
    /// apiVersion has no group, is <c>core</c> there).</summary>
    public string PulumiType => $"kubernetes:{(ApiVersion.Contains('/', StringComparison.Ordinal) ? "" : "core/")}{ApiVersion}:{Kind}";

    /// <summary>The whole manifest, as <c>kubectl apply</c> takes it.</summary>
    public SortedDictionary<string, object> Manifest() => ObjectMap.Of(
        ("apiVersion", ApiVersion),
        ("kind", Kind),
        ("metadata", ObjectMap.Of(
            ("name", Name),
            ("namespace", Namespace),
            ("labels", Labels.Count == 0 ? null : ObjectMap.Of([.. Labels.Select(l => (l.Key, (object?)l.Value))])),
            ("annotations", Annotations.Count == 0 ? null : ObjectMap.Of([.. Annotations.Select(a => (a.Key, (object?)a.Value))])))),
        ("spec", Spec.Count == 0 ? null : Spec));
}
