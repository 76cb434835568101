using Pulumi;
using RealtimeStack.Components.Cluster;
using RealtimeStack.Edge.GatewayApi;

namespace RealtimeStack.Components.GatewayApi;

/// <summary>
/// The edge's Gateway API objects beside the backends: the Gateway (HTTPS with the stack's TLS Secret, and HTTP),
/// the HTTPRoutes for /api/, /sse/ and /ws/ and the HTTPS redirect, and the Envoy Gateway policies sizing and
/// timing them (<see cref="GatewaySettings"/>).
/// </summary>
internal sealed class RealtimeGateway : ComponentResource
{
    [Output("gatewayName")]
    public Output<string> GatewayName { get; private set; }

    public RealtimeGateway(string name, RealtimeGatewayArgs args, ComponentResourceOptions? options = null)
        : base(ComponentTypes.Gateway, name, args, options)
    {
        var objects = GatewaySettings.EdgeObjects(args.Edge, args.Deployment, args.TlsSecretName.ToOutput());
        GatewayName = CustomObjectResources.Create(name, objects, args.Namespace, new CustomResourceOptions { Parent = this }).NameOf("Gateway");
        RegisterOutputs(StackOutputs.Of(this));
    }
}
