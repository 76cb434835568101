namespace RealtimeStack.Benchmark;

/// <summary>One side of the comparison: where its SSE and WebSocket routes are reached.</summary>
public sealed record Target(string Name, string Label, Uri Http, Uri Ws)
{
    public Uri Sse(string pathAndQuery) => new(Http, pathAndQuery);

    public Uri WebSocket(string path) => new(Ws, path);
}
