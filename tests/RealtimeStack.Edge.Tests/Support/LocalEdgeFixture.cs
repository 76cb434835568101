using RealtimeStack.Cli.Local;

namespace RealtimeStack.Edge.Tests.Support;

/// <summary>One real edge (nginx + sample backends) shared by the end-to-end tests of a class.</summary>
public sealed class LocalEdgeFixture : IAsyncLifetime
{
    public const string Host = "edge.test";

    /// <summary>A small body limit keeps the 413 test fast; everything else is the project's default.</summary>
    public const string BodyLimit = "1m";

    /// <summary>Small enough that the rendered worker_rlimit_nofile fits this machine's hard limit (20,000).</summary>
    public const string MaxStreams = "2000";

    public LocalEdge Edge { get; private set; } = null!;

    public EdgeClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Edge = await LocalEdge.StartAsync(Stacks.Minimal(("clientMaxBodySize", BodyLimit), ("clientBodyBufferSize", "64k"), ("maxStreams", MaxStreams)));
        Client = new EdgeClient(Edge, Host);
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (Edge is not null) await Edge.DisposeAsync();
    }
}
