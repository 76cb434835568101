using System.Globalization;
using RealtimeStack.Edge.Model;
using static RealtimeStack.Edge.Nginx.Directive;

namespace RealtimeStack.Edge.Nginx;

/// <summary>The failover policy (<see cref="UpstreamFailover"/>) as nginx.conf says it.</summary>
public static class UpstreamFailoverDirectives
{
    /// <summary>Parameters of every <c>server</c> line: one failure marks it, and it is left out for failTimeout
    /// (nginx ignores both when a group has a single server, which is then never left out).</summary>
    public static IEnumerable<string> ServerParameters(UpstreamsSpec upstreams) =>
        ["max_fails=" + UpstreamFailover.MaxFails.ToString(CultureInfo.InvariantCulture), "fail_timeout=" + upstreams.FailTimeout.ToNginx()];

    /// <summary>The location's retry directives. The same conditions on every route, for different reasons: API
    /// GETs may be repeated and POSTs never are; a stream's opening request that got no response header yet
    /// repeats nothing the client saw.</summary>
    public static IEnumerable<Directive> LocationDirectives(RouteSpec route) =>
    [
        Simple("proxy_next_upstream", [.. UpstreamFailover.NextUpstreamOn]),
        Simple("proxy_next_upstream_tries", UpstreamFailover.Tries.ToString(CultureInfo.InvariantCulture)),
        Simple("proxy_next_upstream_timeout", UpstreamFailover.RetryWindow(route).ToNginx()),
    ];
}
