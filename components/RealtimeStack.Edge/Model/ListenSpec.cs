namespace RealtimeStack.Edge.Model;

/// <summary>The ports the edge listens on and whether plain HTTP only redirects to HTTPS.</summary>
public sealed record ListenSpec(int HttpPort, int HttpsPort, bool RedirectHttpToHttps, Duration KeepaliveTimeout);
