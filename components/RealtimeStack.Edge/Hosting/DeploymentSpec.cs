using RealtimeStack.Edge.Model;

namespace RealtimeStack.Edge.Hosting;

/// <summary>
/// Where and how an <see cref="EdgeSpec"/> is deployed. <see cref="BackendImage"/> null means "build the sample
/// backends from this repository".
/// </summary>
public sealed record DeploymentSpec(
    EdgeMode Mode,
    string? BackendImage,
    string Namespace,
    string IngressClass,
    int ControllerReplicas,
    IReadOnlyDictionary<BackendRole, int> Replicas,
    int BackendPort,
    Duration DrainDelay,
    Duration BackendGracePeriod,
    Duration AffinityTimeout,
    MonitoringSpec Monitoring);
