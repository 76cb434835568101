using RealtimeStack.Edge.Model;
using static RealtimeStack.Edge.Nginx.Directive;

namespace RealtimeStack.Edge.Nginx;

/// <summary>
/// The client's real address behind load balancers (ngx_http_realip_module). With trusted proxies, nginx replaces
/// $remote_addr (and $binary_remote_addr) with the client named by a trusted sender, before anything reads it: the
/// stickiness hash, per-client limits, and the X-Real-IP / X-Forwarded-For sent to backends all follow the client.
/// A sender outside the trusted ranges keeps its own address, whatever header it sends.
/// The realip module is not built by default, but every nginx this project targets has it: Debian's nginx-light
/// and nginx (1.22), the official Docker images and the 1.28 build CI uses (all configured with
/// --with-http_realip_module); an nginx without it refuses the file at nginx -t ("unknown directive").
/// </summary>
public static class ClientAddressDirectives
{
    /// <summary>http-level realip directives; none without trusted proxies (the file stays as it was).</summary>
    public static IEnumerable<Directive> RealIp(ClientAddressSpec client)
    {
        if (!client.BehindProxies) yield break;
        foreach (var range in client.TrustedProxies) yield return Simple("set_real_ip_from", range.ToString());
        // With the PROXY protocol the header's source address is the client; set_real_ip_from still decides
        // whether the sender is believed.
        yield return Simple("real_ip_header", client.ProxyProtocol ? "proxy_protocol" : "X-Forwarded-For");
        // Recursive: the client is the last address not in a trusted range, so a chain of trusted proxies (a CDN in
        // front of a load balancer) resolves to the client, and whatever the client wrote further left is ignored.
        if (!client.ProxyProtocol) yield return Simple("real_ip_recursive", "on");
    }

    /// <summary>The extra listen parameter: every connection must start with a PROXY protocol header.</summary>
    public static IEnumerable<string> ListenParameters(ClientAddressSpec client) =>
        client.ProxyProtocol ? ["proxy_protocol"] : [];
}
