namespace RealtimeStack.Edge.Config;

/// <summary>
/// <c>realtime:*</c> keys that say where and how the edge is deployed rather than what it does. The edge model
/// does not read them, but accepts them so that one stack file serves every reader.
/// </summary>
public static class DeploymentConfigKeys
{
    public static readonly ConfigKey Mode = new("mode", "docker", "Where the edge runs: docker (an nginx container) or kubernetes (ingress-nginx).");

    public static IReadOnlyList<ConfigKey> All { get; } = [Mode];
}
