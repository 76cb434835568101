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
    public InputMap<object> Spec { get; private init; } = new();

    /// <param name="shape">The object as the plain inputs shape it: its type and whether it has a namespace.</param>
    /// <param name="item">The object the model computed.</param>
    /// <param name="namespace">The object's namespace as a resource's output (so it is created after it), or null
    /// to take the object's own.</param>
    public static CustomObjectArgs From(CustomObject shape, Output<CustomObject> item, Input<string>? @namespace = null) =>
        new(shape.ApiVersion, shape.Kind)
        {
            Metadata = new ObjectMetaArgs
            {
                Name = item.Apply(i => i.Name),
                Namespace = shape.Namespace is null ? null : @namespace ?? item.Apply(i => i.Namespace!),
                Labels = item.Map(i => i.Labels),
            },
            Spec = item.Map(i => i.Spec),
        };
}
