namespace RealtimeStack.SampleBackends;

/// <summary>
/// Response headers every sample backend sets: which instance answered, and what the edge told it. They reach the
/// client on every route, including a WebSocket's 101 response, so a client can check stickiness and forwarding.
/// </summary>
public static class SampleHeaders
{
    public const string Instance = "X-Backend-Instance";
    public const string SeenPrefix = "X-Seen-";
    public const string SeenHost = "X-Seen-Host";
    public const string SeenRealIp = "X-Seen-X-Real-IP";
    public const string SeenForwardedFor = "X-Seen-X-Forwarded-For";
    public const string SeenForwardedProto = "X-Seen-X-Forwarded-Proto";
    public const string SeenConnection = "X-Seen-Connection";
    public const string UpstreamPort = "X-Upstream-Client-Port";

    /// <summary>Request headers echoed back as X-Seen-NAME.</summary>
    public static readonly IReadOnlyList<string> Echoed = ["Host", "X-Real-IP", "X-Forwarded-For", "X-Forwarded-Proto", "Connection"];
}
