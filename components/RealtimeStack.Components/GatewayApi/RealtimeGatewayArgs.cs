using Pulumi;
using RealtimeStack.Edge.Hosting;
using RealtimeStack.Edge.Model;

namespace RealtimeStack.Components.GatewayApi;

/// <summary>Arguments of <see cref="RealtimeGateway"/>.</summary>
internal sealed class RealtimeGatewayArgs : ResourceArgs
{
    [Input("namespace", required: true)]
    public required Input<string> Namespace { get; init; }

    [Input("tlsSecretName", required: true)]
    public required Input<string> TlsSecretName { get; init; }

    public required EdgeSpec Edge { get; init; }

    public required DeploymentSpec Deployment { get; init; }
}
