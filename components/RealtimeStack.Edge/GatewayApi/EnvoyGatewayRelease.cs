using RealtimeStack.Edge.Model;

namespace RealtimeStack.Edge.GatewayApi;

/// <summary>
/// The Envoy Gateway release this project pins, and the Gateway API release it implements. Envoy Gateway applies
/// route and endpoint changes to running proxies without restarting them, so a stream outlives a configuration
/// change; that is why gateway mode uses it (docs/gateway.md explains the choice).
/// </summary>
public static class EnvoyGatewayRelease
{
    public const string Version = "v1.9.0";

    /// <summary>The controller's chart (its CRDs off: they come from <see cref="CrdsChart"/> or the cluster).</summary>
    public const string Chart = "oci://docker.io/envoyproxy/gateway-helm";

    /// <summary>The CRDs chart: Gateway API and Envoy Gateway CRDs as templates, rendered rather than installed as a
    /// Helm release (the CRDs exceed a release Secret's 1 MiB).</summary>
    public const string CrdsChart = "oci://docker.io/envoyproxy/gateway-crds-helm";

    /// <summary>The Gateway API release Envoy Gateway v1.9.0 is built against; its standard channel is installed.</summary>
    public const string GatewayApiVersion = "v1.6.1";

    public const string GatewayApiChannel = "standard";

    public const string GatewayApiGroup = "gateway.networking.k8s.io";

    public const string EnvoyGatewayGroup = "gateway.envoyproxy.io";

    /// <summary>The CRDs the stack's objects need, by name: read when the cluster provides them (<see cref="GatewayCrds.External"/>).</summary>
    public static IReadOnlyList<string> RequiredCrds { get; } =
    [
        $"gatewayclasses.{GatewayApiGroup}",
        $"gateways.{GatewayApiGroup}",
        $"httproutes.{GatewayApiGroup}",
        $"envoyproxies.{EnvoyGatewayGroup}",
        $"backendtrafficpolicies.{EnvoyGatewayGroup}",
        $"clienttrafficpolicies.{EnvoyGatewayGroup}",
    ];

    /// <summary>Envoy Gateway's own namespace, where it also runs the proxies of its Gateways.</summary>
    public static string NamespaceOf(DeploymentSpec deployment) => deployment.Namespace + "-gateway";

    /// <summary>The controller name the release watches for and the GatewayClass names: one per class, so another
    /// Envoy Gateway in the cluster (with its own class) never takes this class's Gateways.</summary>
    public static string ControllerName(DeploymentSpec deployment) => $"{EnvoyGatewayGroup}/{deployment.GatewayClass}";
}
