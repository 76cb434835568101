using Pulumi;
using KubernetesCustomResource = Pulumi.Kubernetes.ApiExtensions.CustomResource;
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
        Output<string>? gatewayName = null;
        foreach (var item in GatewaySettings.EdgeObjects(args.Edge, args.Deployment, args.TlsSecretName.ToOutput()))
        {
            var resource = new KubernetesCustomResource($"{name}-{item.Kind.ToLowerInvariant()}-{item.Name}", CustomObjectArgs.From(item, args.Namespace), child);
            if (item.Kind == "Gateway") gatewayName = resource.Metadata.Apply(m => m.Name);
        }
        GatewayName = gatewayName ?? throw new InvalidOperationException("the model has no Gateway");
        RegisterOutputs(StackOutputs.Of(this));
    }
}
