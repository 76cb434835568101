using Pulumi;
using RealtimeStack.Edge.Hosting;
using RealtimeStack.Edge.Model;

namespace RealtimeStack.Components.Cluster;

/// <summary>Arguments of <see cref="IngressNginxEdge"/>: the model, from which every value is computed.</summary>
internal sealed class IngressNginxEdgeArgs : ResourceArgs
{
    public required EdgeSpec Edge { get; init; }

    public required DeploymentSpec Deployment { get; init; }

    [Input("ingressClass", required: true)]
    public Input<string> IngressClass => Deployment.IngressClass;

    [Input("controllerReplicas", required: true)]
    public Input<int> ControllerReplicas => Deployment.ControllerReplicas;
}
