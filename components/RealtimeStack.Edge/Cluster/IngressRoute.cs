using RealtimeStack.Edge.Hosting;
using RealtimeStack.Edge.Model;

namespace RealtimeStack.Edge.Cluster;

/// <summary>
/// One Ingress per route: annotations apply to a whole Ingress, and the routes need different ones (SSE
/// unbuffered, streams long timeouts and pinned). ingress-nginx merges them into one server per host.
/// Paths are plain prefixes: no regex, no rewrite.
/// </summary>
public sealed record IngressRoute(string Name, string Path, string ServiceName, int ServicePort, IReadOnlyDictionary<string, string> Annotations)
{
    public const string PathType = "Prefix";

    public static IReadOnlyList<IngressRoute> All(EdgeSpec edge, DeploymentSpec deployment) =>
        BackendWorkload.ByRoute(edge, deployment).Select(r => For(edge, deployment, r.Route, r.Workload)).ToArray();

    private static IngressRoute For(EdgeSpec edge, DeploymentSpec deployment, RouteSpec route, BackendWorkload workload) =>
        new(workload.Name, route.Path, workload.Name, workload.Port, IngressAnnotations.For(edge, deployment, route));
}
