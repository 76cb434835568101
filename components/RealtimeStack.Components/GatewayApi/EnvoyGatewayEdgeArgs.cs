using Pulumi;
using RealtimeStack.Edge.Hosting;
using RealtimeStack.Edge.Model;

namespace RealtimeStack.Components.GatewayApi;

/// <summary>Arguments of <see cref="EnvoyGatewayEdge"/>: the model, from which every value is computed.</summary>
internal sealed class EnvoyGatewayEdgeArgs : ResourceArgs
{
    public required EdgeSpec Edge { get; init; }

    public required DeploymentSpec Deployment { get; init; }

    [Input("gatewayClass", required: true)]
    public Input<string> GatewayClass => Deployment.GatewayClass;

    [Input("proxyReplicas", required: true)]
    public Input<int> ProxyReplicas => Deployment.ControllerReplicas;
}
