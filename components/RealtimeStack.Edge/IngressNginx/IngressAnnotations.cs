using RealtimeStack.Edge.Model;
using RealtimeStack.Edge.Cluster;

namespace RealtimeStack.Edge.IngressNginx;

/// <summary>
/// The ingress-nginx annotations of one route's Ingress, computed from the model. Never the article's
/// <c>enable-websocket</c> (no such annotation: WebSocket works without one) and never a <c>rewrite-target</c>.
/// </summary>
public static class IngressAnnotations
{
    public static SortedDictionary<string, string> For(EdgeSpec edge, DeploymentSpec deployment, RouteSpec route)
    {
        var a = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [Name("proxy-connect-timeout")] = Seconds.Text(route.ConnectTimeout),
            [Name("proxy-read-timeout")] = Seconds.Text(route.ReadTimeout),
            [Name("proxy-send-timeout")] = Seconds.Text(route.SendTimeout),
            // The retry policy of nginx.conf (UpstreamFailover). With upstream-hash-by, ingress-nginx retries the same
            // endpoint, so a pinned stream moves when its pod leaves the endpoints (readiness), not by these.
            [Name("proxy-next-upstream")] = string.Join(' ', UpstreamFailover.NextUpstreamOn),
            [Name("proxy-next-upstream-tries")] = UpstreamFailover.Tries.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [Name("proxy-next-upstream-timeout")] = Seconds.Text(UpstreamFailover.RetryWindow(route)),
            [Name("proxy-body-size")] = edge.Body.MaxSize.ToNginx(),
            [Name("client-body-buffer-size")] = edge.Body.BufferSize.ToNginx(),
            [Name("ssl-redirect")] = edge.Listen.RedirectHttpToHttps ? "true" : "false",
            [Name("force-ssl-redirect")] = edge.Listen.RedirectHttpToHttps ? "true" : "false",
        };
        foreach (var (key, value) in ClientLimitsSettings.Annotations(edge.Limits, route.Kind)) a.Add(Name(key), value);
        // ingress-nginx renders it as proxy_buffer_size and as the size of its 4 proxy_buffers.
        if (route.BufferSize is { } buffer) a[Name("proxy-buffer-size")] = buffer.ToNginx();
        if (route.Kind == RouteKind.ServerSentEvents)
        {
            // Events must leave nginx as they arrive; buffering here is what stalls SSE behind ingress-nginx.
            a[Name("proxy-buffering")] = "off";
            a[Name("proxy-request-buffering")] = "off";
        }
        if (route.Kind != RouteKind.Api)
        {
            // Service sessionAffinity is bypassed (ingress-nginx talks to endpoints): pin at the ingress.
            switch (edge.Upstreams.For(route.Kind).Stickiness)
            {
                case Stickiness.ClientIp:
                    a[Name("upstream-hash-by")] = "$remote_addr";
                    break;
                case Stickiness.Cookie:
                    a[Name("affinity")] = "cookie";
                    a[Name("affinity-mode")] = "persistent";
                    a[Name("session-cookie-name")] = AffinityCookie.Name;
                    a[Name("session-cookie-path")] = route.Path;
                    a[Name("session-cookie-secure")] = AffinityCookie.Secure ? "true" : "false";
                    a[Name("session-cookie-samesite")] = AffinityCookie.SameSite;
                    a[Name("session-cookie-max-age")] = Seconds.Text(deployment.AffinityTimeout);
                    break;
            }
        }
        return a;
    }

    private static string Name(string annotation) => IngressNginxChart.AnnotationPrefix + annotation;
}
