namespace RealtimeStack.Edge.Configuration;

/// <summary>The values of <c>realtime:mode</c>, as the keys name the modes they act in (<see cref="ConfigKey.Modes"/>).</summary>
public static class StackModes
{
    public const string Docker = "docker";
    public const string Kubernetes = "kubernetes";
    public const string Gateway = "gateway";

    public static IReadOnlyList<string> All { get; } = [Docker, Kubernetes, Gateway];

    /// <summary>The modes where nginx serves (a container's, or ingress-nginx's).</summary>
    public static IReadOnlyList<string> Nginx { get; } = [Docker, Kubernetes];

    /// <summary>The modes on a Kubernetes cluster.</summary>
    public static IReadOnlyList<string> Cluster { get; } = [Kubernetes, Gateway];

    /// <summary>The modes whose own listeners take the edge's ports (ingress-nginx's Service keeps 80 and 443).</summary>
    public static IReadOnlyList<string> OwnPorts { get; } = [Docker, Gateway];

    public static IReadOnlyList<string> DockerOnly { get; } = [Docker];
    public static IReadOnlyList<string> KubernetesOnly { get; } = [Kubernetes];
    public static IReadOnlyList<string> GatewayOnly { get; } = [Gateway];

    /// <summary>"docker", "docker and gateway", "docker, kubernetes and gateway".</summary>
    public static string Describe(IReadOnlyList<string> modes) =>
        modes.Count == 1 ? modes[0] : string.Join(", ", modes.Take(modes.Count - 1)) + " and " + modes[^1];
}
