namespace RealtimeStack.Edge.Cluster;

/// <summary>
/// The cookie that pins a client's streams to one backend with <c>realtime:stickiness cookie</c>: ingress-nginx's
/// session cookie (kubernetes mode) or Envoy's cookie hash (gateway mode), alike in name and attributes. Its path is
/// the route's and its lifetime the affinity timeout.
/// </summary>
public static class AffinityCookie
{
    public const string Name = "realtime_affinity";

    /// <summary>Sent on top-level navigations from other sites, not on their sub-requests.</summary>
    public const string SameSite = "Lax";

    /// <summary>HTTPS only: the edge serves streams over TLS.</summary>
    public const bool Secure = true;
}
