using Pulumi;
using RealtimeStack.Edge.Cluster;

namespace RealtimeStack.Components.Cluster;

/// <summary>Arguments of <see cref="Backend"/>: the workload the model computed, and where it goes.</summary>
internal sealed class BackendArgs : ResourceArgs
{
    [Input("namespace", required: true)]
    public required Input<string> Namespace { get; init; }

    /// <summary>The workload of the plain inputs' model: which objects exist (always the same three).</summary>
    public required BackendWorkload Shape { get; init; }

    public required Output<BackendWorkload> Workload { get; init; }

    /// <summary>Echoed as inputs so previews and mocks show what the component was asked for.</summary>
    [Input("role", required: true)]
    public Input<string> Role => Workload.Apply(w => w.Role.ToString().ToLowerInvariant());

    [Input("image", required: true)]
    public Input<string> Image => Workload.Apply(w => w.Image);

    [Input("replicas", required: true)]
    public Input<int> Replicas => Workload.Apply(w => w.Replicas);
}
