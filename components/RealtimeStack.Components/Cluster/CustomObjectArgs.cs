using Pulumi;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;
using RealtimeStack.Edge.Cluster;

namespace RealtimeStack.Components.Cluster;

/// <summary>The inputs of a <see cref="KubernetesObject"/>: the object the model computed, as the API takes it.</summary>
internal sealed class CustomObjectArgs : ResourceArgs
{
    [Input("apiVersion", required: true)]
    public required Input<string> ApiVersion { get; init; }

    [Input("kind", required: true)]
    public required Input<string> Kind { get; init; }

    [Input("metadata")]
    public Input<ObjectMetaArgs>? Metadata { get; init; }

    [Input("spec")]
    public InputMap<object>? Spec { get; private init; }

    /// <param name="shape">The object as the plain inputs shape it: its type and whether it has a namespace.</param>
    /// <param name="item">The object the model computed.</param>
    /// <param name="namespace">The object's namespace as a resource's output (so it is created after it), or null
    /// to take the object's own.</param>
    public static CustomObjectArgs From(CustomObject shape, Output<CustomObject> item, Input<string>? @namespace = null)
    {
        var metadata = new ObjectMetaArgs
        {
            Name = item.Apply(i => i.Name),
            Namespace = shape.Namespace is null ? null : @namespace ?? item.Apply(i => i.Namespace!),
            Labels = item.Map(i => i.Labels),
        };
        // Present when the object has any (the shape says): the kinds without leave the field out.
        if (shape.Annotations.Count > 0) metadata.Annotations = item.Map(i => i.Annotations);
        return new()
        {
            ApiVersion = shape.ApiVersion,
            Kind = shape.Kind,
            Metadata = metadata,
            Spec = shape.Spec.Count == 0 ? null : (InputMap<object>)item.Map(i => i.Spec),
        };
    }
}
