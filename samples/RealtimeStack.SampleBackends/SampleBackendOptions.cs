using System.Net;

namespace RealtimeStack.SampleBackends;

/// <summary>How one backend instance runs. Port 0 picks a free port (read it back from <see cref="SampleBackend.Port"/>).</summary>
public sealed record SampleBackendOptions(string InstanceId, IPAddress BindAddress, int Port)
{
    /// <summary>SSE comment lines sent between events when the stream is otherwise idle, so proxies see traffic.</summary>
    public TimeSpan SseHeartbeat { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Default gap between SSE events; a request can ask for another with <c>?interval=ms</c>.</summary>
    public TimeSpan SseInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The default of <see cref="SseRetry"/>; the benchmark's backends send it too.</summary>
    public static readonly TimeSpan DefaultSseRetry = TimeSpan.FromSeconds(3);

    /// <summary>The least reconnection time an SSE stream is sent (<c>retry:</c>).</summary>
    public TimeSpan SseRetry { get; init; } = DefaultSseRetry;

    /// <summary>
    /// Each SSE stream's <c>retry:</c> is <see cref="SseRetry"/> plus a random part of this. A browser waits the
    /// reconnection time it was sent (the HTML standard lets it wait longer, and asks for no jitter), so streams cut
    /// together, by a deploy or a lost node, come back together unless each was sent its own. Spread them so the
    /// reconnections arrive no faster than the edge takes TLS handshakes: streams ÷ handshakes a second
    /// (docs/benchmark.md, Reconnect storm).
    /// </summary>
    public TimeSpan SseRetrySpread { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>One stream's <c>retry:</c> in milliseconds, drawn from [<see cref="SseRetry"/>, <see cref="SseRetry"/> + <see cref="SseRetrySpread"/>].</summary>
    public long NextRetryMilliseconds() =>
        (long)SseRetry.TotalMilliseconds + Random.Shared.NextInt64((long)SseRetrySpread.TotalMilliseconds + 1);

    /// <summary>Interval of WebSocket keepalive frames from the server.</summary>
    public TimeSpan WebSocketKeepAlive { get; init; } = TimeSpan.FromSeconds(30);

    public static SampleBackendOptions Loopback(string instanceId) => new(instanceId, IPAddress.Loopback, 0);
}
