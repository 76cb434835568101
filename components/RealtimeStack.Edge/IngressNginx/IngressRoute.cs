using RealtimeStack.Edge.Model;
using RealtimeStack.Edge.Cluster;

namespace RealtimeStack.Edge.IngressNginx;

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

    /// <summary>The route's Ingress: every host on the class, TLS for all of them from the one Secret, the path a plain
    /// prefix to the role's Service; the route's annotations.</summary>
    public CustomObject Object(string @namespace, string ingressClass, IReadOnlyList<string> hosts, string tlsSecretName) =>
        new("networking.k8s.io/v1", "Ingress", Name, @namespace, ObjectMap.Of(
            ("ingressClassName", ingressClass),
            ("tls", new object[] { ObjectMap.Of(("hosts", hosts.Cast<object>().ToArray()), ("secretName", tlsSecretName)) }),
            ("rules", hosts.Select(host => (object)ObjectMap.Of(
                ("host", host),
                ("http", ObjectMap.Of(("paths", new object[]
                {
                    ObjectMap.Of(
                        ("path", Path),
                        ("pathType", PathType),
                        ("backend", ObjectMap.Of(("service", ObjectMap.Of(("name", ServiceName), ("port", ObjectMap.Of(("number", ServicePort)))))))),
                }))))).ToArray())))
        { Annotations = [.. Annotations] };

    /// <summary>Every route's Ingress, for the model's hosts and the edge's IngressClass.</summary>
    public static IReadOnlyList<CustomObject> Objects(EdgeSpec edge, DeploymentSpec deployment, string tlsSecretName) =>
        All(edge, deployment).Select(r => r.Object(deployment.Namespace, deployment.IngressClass, edge.ServerNames.Select(n => n.Value).ToArray(), tlsSecretName)).ToArray();

    private static IngressRoute For(EdgeSpec edge, DeploymentSpec deployment, RouteSpec route, BackendWorkload workload) =>
        new(workload.Name, route.Path, workload.Name, workload.Port, IngressAnnotations.For(edge, deployment, route));
}
