namespace RealtimeStack.Cli.Doctor;

/// <summary>
/// One SSE stream watched for at most <see cref="Window"/>: when the response headers and each event arrived, and
/// the headers that matter. <see cref="HeadersAfter"/> is null when no headers came in the window (or the request
/// failed: <see cref="Error"/>).
/// </summary>
/// <param name="Protocol">HTTP/1.1 or HTTP/2: nginx may buffer one and not the other, so both are watched.</param>
/// <param name="WatchedFor">How long the body was read: the window, or less when enough events came or it ended.</param>
/// <param name="Ended">The response ended (a stream is never meant to).</param>
public sealed record SseObservation(
    TimeSpan Interval,
    TimeSpan Window,
    TimeSpan? HeadersAfter,
    int? Status,
    string Protocol,
    string? ContentType,
    IReadOnlyList<string> CacheControl,
    IReadOnlyList<string> ContentEncoding,
    IReadOnlyList<SseEvent> Events,
    int Comments,
    TimeSpan WatchedFor,
    bool Ended,
    string? Error,
    BackendEcho? Echo);
