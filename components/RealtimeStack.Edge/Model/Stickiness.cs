namespace RealtimeStack.Edge.Model;

/// <summary>How SSE and WebSocket clients are pinned to one backend.</summary>
public enum Stickiness
{
    /// <summary>No pinning: each connection is balanced on its own.</summary>
    None,

    /// <summary>By client address: <c>hash $remote_addr consistent</c> in nginx, <c>upstream-hash-by</c> in ingress-nginx.
    /// Needs the real client address at the edge.</summary>
    ClientIp,

    /// <summary>By an affinity cookie ingress-nginx sets (kubernetes mode; Envoy's cookie hash in gateway mode; open-source nginx has no sticky cookie).</summary>
    Cookie,
}
