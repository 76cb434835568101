namespace RealtimeStack.Edge.Cluster;

/// <summary>
/// A namespaced or cluster-scoped custom resource as the components create it: its type, name, and spec as data
/// (maps, lists and scalars, spelled as the CRD spells them). <see cref="Namespace"/> is null when cluster-scoped.
/// </summary>
public sealed record CustomObject(string ApiVersion, string Kind, string Name, string? Namespace, SortedDictionary<string, object> Spec)
{
    /// <summary>Labels of the object's metadata (those another controller selects it by).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Labels { get; init; } = [];

    /// <summary>The Pulumi type token of a custom resource of this kind (<c>kubernetes:GROUP/VERSION:KIND</c>).</summary>
    public string PulumiType => $"kubernetes:{ApiVersion}:{Kind}";
}
