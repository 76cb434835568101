namespace RealtimeStack.Edge.Model;

/// <summary>The ports the edge listens on, whether plain HTTP only redirects to HTTPS, and whether names it does not
/// serve are refused (plain HTTP closed, TLS handshakes rejected) instead of reaching the backends.</summary>
public sealed record ListenSpec(int HttpPort, int HttpsPort, bool RedirectHttpToHttps, Duration KeepaliveTimeout, bool RejectUnknownHosts);
