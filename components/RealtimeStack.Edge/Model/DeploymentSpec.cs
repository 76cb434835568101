
namespace RealtimeStack.Edge.Model;

/// <summary>
/// Where and how an <see cref="EdgeSpec"/> is deployed. <see cref="BackendImage"/> null means "build the sample
/// backends from this repository".
/// </summary>
public sealed record DeploymentSpec(
    EdgeMode Mode,
    string? BackendImage,
    string Namespace,
    string IngressClass,
    string GatewayClass,
    GatewayCrds GatewayCrds,
    int ProxyReplicas,
    IReadOnlyDictionary<BackendRole, int> Replicas,
    int BackendPort,
    Duration DrainDelay,
    Duration BackendGracePeriod,
    Duration AffinityTimeout,
    MonitoringSpec Monitoring)
{
    /// <summary>Kubernetes or gateway mode: both run in a cluster, with the same backends and TLS Secret.</summary>
    public bool InCluster => Mode is EdgeMode.Kubernetes or EdgeMode.Gateway;
}
