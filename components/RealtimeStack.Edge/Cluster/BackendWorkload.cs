using RealtimeStack.Edge.Model;

namespace RealtimeStack.Edge.Cluster;

/// <summary>
/// Everything the Deployment, Service and PodDisruptionBudget of one backend role need, computed from the model.
/// Services keep <c>sessionAffinity: ClientIP</c> (it governs in-cluster traffic); the ingress pins clients itself.
/// </summary>
public sealed record BackendWorkload(
    BackendRole Role,
    string Name,
    IReadOnlyDictionary<string, string> Labels,
    string Image,
    int Replicas,
    int Port,
    string HealthPath,
    int PreStopSeconds,
    int TerminationGracePeriodSeconds,
    int AffinityTimeoutSeconds,
    int MinAvailable,
    ResourceSettings Resources)
{
    public const string HealthCheckPath = "/healthz";

    public static BackendWorkload For(BackendRole role, DeploymentSpec deployment)
    {
        var name = "realtime-" + role.ToString().ToLowerInvariant();
        var replicas = deployment.Replicas[role];
        return new BackendWorkload(
            role,
            name,
            new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["app.kubernetes.io/name"] = name,
                ["app.kubernetes.io/component"] = role.ToString().ToLowerInvariant(),
                ["app.kubernetes.io/part-of"] = "realtime",
            },
            deployment.BackendImage ?? throw new InvalidOperationException("kubernetes mode needs realtime:backendImage"),
            replicas,
            deployment.BackendPort,
            HealthCheckPath,
            Seconds.Of(deployment.DrainDelay),
            Seconds.Of(deployment.BackendGracePeriod),
            Seconds.Of(deployment.AffinityTimeout),
            // One pod may be down for a rollout or node drain; a single replica may go (nothing to keep).
            Math.Max(0, replicas - 1),
            role == BackendRole.Api ? ResourceSettings.Api : ResourceSettings.Streams);
    }

    public static IReadOnlyList<BackendWorkload> All(DeploymentSpec deployment) =>
        [For(BackendRole.Api, deployment), For(BackendRole.Sse, deployment), For(BackendRole.Ws, deployment)];

    /// <summary>Each route with the backend it reaches: what an Ingress or an HTTPRoute is made of.</summary>
    public static IReadOnlyList<(RouteSpec Route, BackendWorkload Workload)> ByRoute(EdgeSpec edge, DeploymentSpec deployment) =>
    [
        (edge.Routes.Api, For(BackendRole.Api, deployment)),
        (edge.Routes.Sse, For(BackendRole.Sse, deployment)),
        (edge.Routes.Ws, For(BackendRole.Ws, deployment)),
    ];
}
