namespace RealtimeStack.Cli.Status;

/// <summary>
/// Open streams estimated from the counters. nginx's "writing" counts requests whose response is under way: a
/// proxied SSE stream or WebSocket stays there for its whole life, over HTTP/1.1 (one connection each) and over
/// HTTP/2 (each stream of a shared connection counts; measured on nginx 1.22 and 1.28: five SSE streams on one
/// HTTP/2 connection add 5 to writing and 1 to active). The status request itself is writing while nginx answers
/// it, so streams ≈ writing − 1. Idle keepalive connections are "waiting"; with HTTP/2 streams, active can be below
/// writing and nginx then shows waiting as 0.
/// </summary>
public static class StreamEstimate
{
    /// <summary>How <see cref="Streams"/> is computed, as the JSON lines name it.</summary>
    public const string Formula = "writing - 1";

    public const string Explanation =
        "streams ≈ writing − 1: every open SSE stream or WebSocket is a request nginx is still writing; the 1 is this " +
        "status request. Over HTTP/1.1 each stream is its own connection; an HTTP/2 connection carrying several SSE " +
        "streams is ONE connection in active but one per stream in writing (so active below writing means HTTP/2 " +
        "multiplexing). Idle keepalive connections are waiting. Long API requests count too while they are answered.";

    public static long Streams(StubStatus status) => Math.Max(0, status.Writing - 1);
}
