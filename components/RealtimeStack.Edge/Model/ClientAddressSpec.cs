namespace RealtimeStack.Edge.Model;

/// <summary>
/// Where the client's address comes from. With no trusted proxies it is the connection's peer. Behind a load
/// balancer, the proxies' ranges are trusted to name the client: in X-Forwarded-For, or in the PROXY protocol header
/// when <see cref="ProxyProtocol"/> is on (then every connection to the listeners must start with one).
/// </summary>
public sealed record ClientAddressSpec(IReadOnlyList<IpRange> TrustedProxies, bool ProxyProtocol)
{
    public bool BehindProxies => TrustedProxies.Count > 0;
}
