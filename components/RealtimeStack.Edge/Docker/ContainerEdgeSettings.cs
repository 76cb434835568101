using RealtimeStack.Edge.Model;
using RealtimeStack.Edge.Nginx;

namespace RealtimeStack.Edge.Docker;

/// <summary>
/// The nginx container and its backend containers, computed from the model: the image matches the version the
/// file is rendered for, the nofile limit fits <c>worker_rlimit_nofile</c>, the container's net.core.somaxconn lets
/// the kernel keep the listen backlog nginx asks for, one backend container per upstream server (named as nginx.conf
/// names it), and a stop grace that lets streams drain.
/// </summary>
public sealed record ContainerEdgeSettings(
    string NginxImage,
    int HttpPort,
    int HttpsPort,
    int NofileLimit,
    int Somaxconn,
    IReadOnlyList<string> HealthCheck,
    int StopGraceSeconds,
    IReadOnlyList<BackendContainer> Backends)
{
    public const string ConfigDirectory = "/etc/nginx";
    public const string RestartPolicy = "unless-stopped";
    public const string HealthPath = NginxConfRenderer.HealthPath;

    /// <summary>The sysctl that caps every listen backlog. It belongs to the container's network namespace, so Docker
    /// sets it per container (<see cref="Somaxconn"/>) without touching the host.</summary>
    public const string SomaxconnSysctl = "net.core.somaxconn";

    /// <summary>The nginx container's alias on the edge's network, for containers joined to it.</summary>
    public const string NginxAlias = "nginx";

    /// <summary>The official image's own entrypoint and command (its Dockerfile's ENTRYPOINT and CMD).</summary>
    public static IReadOnlyList<string> ImageCommand { get; } = ["/docker-entrypoint.sh", "nginx", "-g", "daemon off;"];

    /// <summary>
    /// The nginx container's entrypoint: the image's own, after removing a status socket a killed nginx left in the
    /// shared volume (<see cref="StatusSocket"/>). Fixed, whatever the model says, so it never replaces the container.
    /// </summary>
    public static IReadOnlyList<string> Entrypoint { get; } = StatusSocket.Container.StartCommand(ImageCommand);

    /// <summary>What replaces the container when it changes; see <see cref="ContainerIdentity"/>.</summary>
    public ContainerIdentity Identity => new(NginxImage, HttpPort, HttpsPort, NofileLimit, Somaxconn);
    public static string CertificatePath => ConfigDirectory + "/" + NginxLayout.CertificateFile;

    public static ContainerEdgeSettings For(EdgeSpec edge)
    {
        var backends = new[] { (BackendRole.Api, edge.Upstreams.Api), (BackendRole.Sse, edge.Upstreams.Sse), (BackendRole.Ws, edge.Upstreams.Ws) }
            .SelectMany(pair => pair.Item2.Servers.Select(s => new BackendContainer(pair.Item1, s.Host, s.Port)))
            .ToArray();
        return new ContainerEdgeSettings(
            // Alpine images carry busybox wget for the health check.
            $"nginx:{edge.NginxVersion}-alpine",
            edge.Listen.HttpPort,
            edge.Listen.HttpsPort,
            edge.Capacity.WorkerRlimitNofile,
            // The kernel caps nginx's backlog= at somaxconn (4096 in a new network namespace on Linux 5.4 and later).
            edge.Capacity.ListenBacklog,
            ContainerHealthCheck.For(edge),
            // Docker waits this long for nginx to quit gracefully (it quits by itself after workerShutdownTimeout).
            // Sized for the longest timeout, so changing the timeout is a reload, not a new container input.
            (int)CapacitySpec.MaxWorkerShutdownTimeout.TotalSeconds + CapacitySpec.GraceMargin,
            backends);
    }
}
