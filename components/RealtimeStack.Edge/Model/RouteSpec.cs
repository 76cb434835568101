namespace RealtimeStack.Edge.Model;

/// <summary>
/// How one path prefix is proxied. <see cref="ReadTimeout"/> and <see cref="SendTimeout"/> bound the gap between
/// two reads or writes, not the life of a stream: streams stay open as long as heartbeats flow.
/// <see cref="BufferSize"/> is proxy_buffer_size (null: nginx's default, one memory page): every open stream holds
/// one such buffer (a WebSocket one per direction), so the stream routes keep it small.
/// </summary>
public sealed record RouteSpec(string Path, RouteKind Kind, Duration ConnectTimeout, Duration ReadTimeout, Duration SendTimeout, ByteSize? BufferSize = null)
{
    /// <summary>The Cache-Control an event stream leaves the edge with: no cache or CDN may hold or replay it.</summary>
    public const string StreamCacheControl = "no-store";
}
