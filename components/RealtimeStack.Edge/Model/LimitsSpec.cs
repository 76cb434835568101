namespace RealtimeStack.Edge.Model;

/// <summary>
/// What one client may take: concurrent streams and concurrent API requests per client address (0 = no limit), an optional API request rate
/// with its burst, and how long a client may take to send its request header and body. Slow clients that trickle
/// a header or body hold a connection each; these bounds let nginx close them.
/// </summary>
public sealed record LimitsSpec(
    int StreamsPerClient,
    int ApiRequestsPerClient,
    RequestRate? ApiRate,
    int ApiBurst,
    Duration HeaderTimeout,
    Duration BodyTimeout,
    ByteSize LargeHeaderBufferSize)
{
    /// <summary>nginx's large_client_header_buffers count: a request line or header over one buffer is refused (414/400).</summary>
    public const int LargeHeaderBuffers = 4;
}
