using Pulumi;
using Pulumi.Kubernetes.ApiExtensions;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;
using RealtimeStack.Edge.Cluster;

namespace RealtimeStack.Components.Cluster;

/// <summary>A custom resource from a <see cref="CustomObject"/> the model computed (its CRD must be installed).</summary>
internal sealed class CustomObjectArgs : CustomResourceArgs
{
    private CustomObjectArgs(string apiVersion, string kind) : base(apiVersion, kind) { }

    [Input("spec")]
    public InputMap<object> Spec { get; } = new();

    /// <param name="item">The object the model computed.</param>
    /// <param name="namespace">The object's namespace as a resource's output (so it is created after it), or null
    /// to take the object's own.</param>
    public static CustomObjectArgs From(CustomObject item, Input<string>? @namespace = null)
    {
        var labels = new InputMap<string>();
        foreach (var (key, value) in item.Labels) labels.Add(key, value);
        var args = new CustomObjectArgs(item.ApiVersion, item.Kind)
        {
            Metadata = new ObjectMetaArgs { Name = item.Name, Namespace = item.Namespace is null ? null : @namespace ?? item.Namespace, Labels = labels },
        };
        foreach (var (key, value) in item.Spec) args.Spec.Add(key, value);
        return args;
    }
}
