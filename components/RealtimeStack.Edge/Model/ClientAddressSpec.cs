namespace RealtimeStack.Edge.Model;

/// <summary>
/// Where the client's address comes from. With no trusted proxies it is the connection's peer. Behind a load
/// balancer, the proxies' ranges are trusted to name the client: in X-Forwarded-For, or in the PROXY protocol header
/// when <see cref="ProxyProtocol"/> is on (then every connection to the listeners must start with one).
/// </summary>
public sealed record ClientAddressSpec(IReadOnlyList<IpRange> TrustedProxies, bool ProxyProtocol)
{
    public bool BehindProxies => TrustedProxies.Count > 0;

    /// <summary>
    /// Request headers never passed to backends, in every mode: each could make a backend believe a proxy that is not
    /// there (a client address, host or URL the edge did not see). The edge sends its own X-Real-IP and
    /// X-Forwarded-For/-Host/-Port/-Proto instead.
    /// </summary>
    public static IReadOnlyList<string> UnvouchedHeaders { get; } =
        ["Forwarded", "X-Forwarded-Server", "X-Original-URL", "X-Rewrite-URL", "X-Original-Forwarded-For", "True-Client-IP", "X-Client-IP", "X-Cluster-Client-IP"];
}
