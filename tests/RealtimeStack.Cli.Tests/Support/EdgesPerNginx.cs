using RealtimeStack.Local;

namespace RealtimeStack.Cli.Tests.Support;

/// <summary>
/// One running edge per installed nginx for a test class's fixture: started on the first test that asks for that
/// nginx and kept for the rest of the class. A failed start is kept too, so every test of that nginx reports it
/// without starting again; disposing stops what started.
/// </summary>
public sealed class EdgesPerNginx<T>(Func<NginxBinary, Task<T>> start) : IAsyncDisposable where T : IAsyncDisposable
{
    private readonly Dictionary<string, Task<T>> _edges = new(StringComparer.Ordinal);

    /// <summary>The edge on the nginx named <paramref name="nginx"/> (<see cref="InstalledNginx.Name"/>).</summary>
    public Task<T> For(string nginx)
    {
        lock (_edges)
        {
            if (!_edges.TryGetValue(nginx, out var edge)) _edges[nginx] = edge = start(InstalledNginx.Get(nginx));
            return edge;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Task<T>[] edges;
        lock (_edges) edges = [.. _edges.Values];
        foreach (var edge in edges)
        {
            // A start that failed started nothing to stop (LocalEdge cleans up after itself).
            try { await edge; }
            catch (Exception) { continue; }
            await edge.Result.DisposeAsync();
        }
    }
}
