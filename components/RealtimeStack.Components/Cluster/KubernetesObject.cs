using Pulumi;
using Pulumi.Kubernetes.Types.Outputs.Meta.V1;
using RealtimeStack.Edge.Cluster;

namespace RealtimeStack.Components.Cluster;

/// <summary>
/// One Kubernetes object from the model's data (<see cref="CustomObject"/>), built-in kind or custom resource alike,
/// under the type token the Kubernetes SDK's typed classes use (<see cref="CustomObject.PulumiType"/>), so a
/// Deployment made this way is the same resource as one made by <c>Pulumi.Kubernetes.Apps.V1.Deployment</c>, and
/// under the Kubernetes provider version that SDK pins, as its own classes request it.
/// </summary>
internal sealed class KubernetesObject : CustomResource
{
    [Output("metadata")]
    public Output<ObjectMeta> Metadata { get; private set; } = null!;

    public KubernetesObject(string name, CustomObject shape, CustomObjectArgs args, CustomResourceOptions? options = null)
        : base(shape.PulumiType, name, args, CustomResourceOptions.Merge(new CustomResourceOptions { Version = ProviderVersion.Value }, options))
    {
    }

    /// <summary>The provider version the Kubernetes SDK was generated for: the version.txt it embeds, which its
    /// own resource classes read for the same purpose.</summary>
    private static readonly Lazy<string> ProviderVersion = new(() =>
    {
        var assembly = typeof(Pulumi.Kubernetes.Provider).Assembly;
        using var stream = assembly.GetManifestResourceStream("Pulumi.Kubernetes.version.txt")
            ?? throw new InvalidOperationException($"{assembly.GetName().Name} embeds no version.txt: which Kubernetes provider it needs is unknown");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Trim();
    });
}
