using RealtimeStack.Cli.LocalEdges;
using RealtimeStack.Local;

namespace RealtimeStack.Cli.Tests.Support;

/// <summary>
/// Real edges (nginx + sample backends) shared by the end-to-end tests of a class, one per installed nginx
/// (<see cref="EdgesPerNginx{T}"/>), each running the configuration rendered for its nginx's version.
/// </summary>
public sealed class LocalEdgeFixture : IAsyncLifetime
{
    public const string Host = Stacks.Domain;

    /// <summary>A small body limit keeps the 413 test fast; everything else is the project's default.</summary>
    public const string BodyLimit = "1m";

    /// <summary>Small enough that the rendered worker_rlimit_nofile fits this machine's hard limit (20,000).</summary>
    public const string MaxStreams = "2000";

    private readonly EdgesPerNginx<Running> _edges = new(StartAsync);

    /// <summary>The edge on the nginx named <paramref name="nginx"/> (<see cref="InstalledNginx.Name"/>).</summary>
    public Task<Running> For(string nginx) => _edges.For(nginx);

    private static async Task<Running> StartAsync(NginxBinary binary)
    {
        var edge = await LocalEdge.StartAsync(
            Stacks.Minimal(("clientMaxBodySize", BodyLimit), ("clientBodyBufferSize", "64k"), ("maxStreams", MaxStreams)), binary);
        return new Running(edge, new EdgeClient(edge, Host));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _edges.DisposeAsync().AsTask();

    public sealed record Running(LocalEdge Edge, EdgeClient Client) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await Edge.DisposeAsync();
        }
    }
}
