using Pulumi;
using RealtimeStack.Edge.Cluster;
using KubernetesCustomResource = Pulumi.Kubernetes.ApiExtensions.CustomResource;

namespace RealtimeStack.Components.Cluster;

/// <summary>Custom resources from the model's <see cref="CustomObject"/>s, each named after its kind and name.</summary>
internal static class CustomObjectResources
{
    /// <param name="name">The creating component's name, which prefixes each resource's.</param>
    /// <param name="items">The objects the model computed.</param>
    /// <param name="namespace">The namespace resource's name output, for the namespaced objects (so they come after it).</param>
    /// <param name="options">Parent and dependencies of every object.</param>
    public static IReadOnlyList<(CustomObject Item, KubernetesCustomResource Resource)> Create(string name, IEnumerable<CustomObject> items, Input<string> @namespace, CustomResourceOptions options) =>
        items.Select(item => (item, new KubernetesCustomResource($"{name}-{item.Kind.ToLowerInvariant()}-{item.Name}", CustomObjectArgs.From(item, @namespace), options))).ToArray();

    /// <summary>The name of the one object of <paramref name="kind"/> among those created, as an output.</summary>
    public static Output<string> NameOf(this IReadOnlyList<(CustomObject Item, KubernetesCustomResource Resource)> created, string kind) =>
        created.Single(c => c.Item.Kind == kind).Resource.Metadata.Apply(m => m.Name);
}
