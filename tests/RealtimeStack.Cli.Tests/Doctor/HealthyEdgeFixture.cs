using RealtimeStack.Cli.LocalEdges;
using RealtimeStack.Cli.Tests.Support;

namespace RealtimeStack.Cli.Tests.Doctor;

/// <summary>One real edge (nginx + sample backends) running the project's configuration, shared by a class.</summary>
public sealed class HealthyEdgeFixture : IAsyncLifetime
{
    public LocalEdge Edge { get; private set; } = null!;

    public async Task InitializeAsync() => Edge = await LocalEdge.StartAsync(LocalStacks.Minimal());

    public async Task DisposeAsync()
    {
        if (Edge is not null) await Edge.DisposeAsync();
    }
}
