using Pulumi;
using RealtimeStack.Edge.Configuration;

namespace RealtimeStack.Components.GatewayApi;

/// <summary>Arguments of <see cref="EnvoyGatewayEdge"/>: the model, from which every value is computed.</summary>
internal sealed class EnvoyGatewayEdgeArgs : ResourceArgs
{
    /// <summary>The model of the plain inputs: the class, the CRDs installed or read, a PodMonitor or none.</summary>
    public required StackModel Shape { get; init; }

    public required Output<StackModel> Model { get; init; }

    [Input("gatewayClass", required: true)]
    public Input<string> GatewayClass => Shape.Deployment.GatewayClass;

    [Input("proxyReplicas", required: true)]
    public Input<int> ProxyReplicas => Model.Apply(m => m.Deployment.ProxyReplicas);
}
