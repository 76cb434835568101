using Pulumi;
using RealtimeStack.Edge.Configuration;

namespace RealtimeStack.Components.Cluster;

/// <summary>Arguments of <see cref="IngressNginxEdge"/>: the model, from which every value is computed.</summary>
internal sealed class IngressNginxEdgeArgs : ResourceArgs
{
    /// <summary>The model of the plain inputs: whether a ServiceMonitor exists.</summary>
    public required StackModel Shape { get; init; }

    public required Output<StackModel> Model { get; init; }

    [Input("ingressClass", required: true)]
    public Input<string> IngressClass => Model.Apply(m => m.Deployment.IngressClass);

    [Input("proxyReplicas", required: true)]
    public Input<int> ProxyReplicas => Model.Apply(m => m.Deployment.ProxyReplicas);
}
