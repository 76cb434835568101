using Pulumi;
using RealtimeStack.Edge.Deployment;
using RealtimeStack.Edge.Model;

namespace RealtimeStack.Components.Kubernetes;

/// <summary>Arguments of <see cref="IngressNginxEdge"/>: the model, from which every value is computed.</summary>
public sealed class IngressNginxEdgeArgs : ResourceArgs
{
    public required EdgeSpec Edge { get; init; }

    public required DeploymentSpec Deployment { get; init; }

    [Input("ingressClass", required: true)]
    public Input<string> IngressClass => Deployment.IngressClass;

    [Input("controllerReplicas", required: true)]
    public Input<int> ControllerReplicas => Deployment.ControllerReplicas;
}
