using System.Net;

namespace RealtimeStack.SampleBackends;

/// <summary>How one backend instance runs. Port 0 picks a free port (read it back from <see cref="SampleBackend.Port"/>).</summary>
public sealed record SampleBackendOptions(string InstanceId, IPAddress BindAddress, int Port)
{
    /// <summary>SSE comment lines sent between events when the stream is otherwise idle, so proxies see traffic.</summary>
    public TimeSpan SseHeartbeat { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Default gap between SSE events; a request can ask for another with <c>?interval=ms</c>.</summary>
    public TimeSpan SseInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Interval of WebSocket keepalive frames from the server.</summary>
    public TimeSpan WebSocketKeepAlive { get; init; } = TimeSpan.FromSeconds(30);

    public static SampleBackendOptions Loopback(string instanceId) => new(instanceId, IPAddress.Loopback, 0);
}
