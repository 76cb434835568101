using RealtimeStack.Cli.Local;
using RealtimeStack.Local;

namespace RealtimeStack.Edge.Tests.Support;

/// <summary>
/// Real edges (nginx + sample backends) shared by the end-to-end tests of a class, one per installed nginx, each
/// running the configuration rendered for its nginx's version. An edge starts on its first test and stays up for
/// the rest of the class; a failed start is kept, so every test of that nginx reports it without starting again.
/// </summary>
public sealed class LocalEdgeFixture : IAsyncLifetime
{
    public const string Host = "edge.test";

    /// <summary>A small body limit keeps the 413 test fast; everything else is the project's default.</summary>
    public const string BodyLimit = "1m";

    /// <summary>Small enough that the rendered worker_rlimit_nofile fits this machine's hard limit (20,000).</summary>
    public const string MaxStreams = "2000";

    private readonly Dictionary<string, Task<Running>> _edges = new(StringComparer.Ordinal);

    /// <summary>The edge on the nginx named <paramref name="nginx"/> (<see cref="InstalledNginx.Name"/>).</summary>
    public Task<Running> For(string nginx)
    {
        lock (_edges)
        {
            if (!_edges.TryGetValue(nginx, out var edge)) _edges[nginx] = edge = StartAsync(InstalledNginx.Get(nginx));
            return edge;
        }
    }

    private static async Task<Running> StartAsync(NginxBinary binary)
    {
        var edge = await LocalEdge.StartAsync(
            Stacks.Minimal(("clientMaxBodySize", BodyLimit), ("clientBodyBufferSize", "64k"), ("maxStreams", MaxStreams)), binary);
        return new Running(edge, new EdgeClient(edge, Host));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        Task<Running>[] edges;
        lock (_edges) edges = [.. _edges.Values];
        foreach (var edge in edges)
        {
            // A start that failed started nothing to stop (LocalEdge cleans up after itself).
            try { await edge; }
            catch (Exception) { continue; }
            edge.Result.Client.Dispose();
            await edge.Result.Edge.DisposeAsync();
        }
    }

    public sealed record Running(LocalEdge Edge, EdgeClient Client);
}
