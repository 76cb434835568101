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
        var child = new CustomResourceOptions { Parent = this };
        // Only the Gateway names the TLS Secret (generated, so known once it exists): the routes and policies do not wait for it.
        var shape = GatewaySettings.Gateway(args.Shape.Edge, args.Shape.Deployment, "");
        var gateway = Output.Tuple(args.Model, args.TlsSecretName.ToOutput()).Apply(t => GatewaySettings.Gateway(t.Item1.Edge, t.Item1.Deployment, t.Item2));
        var resource = CustomObjectResources.CreateOne(name, shape, gateway, args.Namespace, child);
        _ = CustomObjectResources.Create(name, m => GatewaySettings.RouteObjects(m.Edge, m.Deployment), args.Shape, args.Model, args.Namespace, child);
        GatewayName = resource.Metadata.Apply(m => m.Name);
        RegisterOutputs(StackOutputs.Of(this));
    }
}
