using Pulumi;
using RealtimeStack.Edge.Configuration;

namespace RealtimeStack.Components.GatewayApi;

/// <summary>Arguments of <see cref="RealtimeGateway"/>.</summary>
internal sealed class RealtimeGatewayArgs : ResourceArgs
{
    [Input("namespace", required: true)]
    public required Input<string> Namespace { get; init; }

    [Input("tlsSecretName", required: true)]
    public required Input<string> TlsSecretName { get; init; }

    /// <summary>The model of the plain inputs: which routes and policies exist.</summary>
    public required StackModel Shape { get; init; }

    public required Output<StackModel> Model { get; init; }
}
