using System.Globalization;
using RealtimeStack.Edge.Model;

namespace RealtimeStack.Edge.IngressNginx;

/// <summary>
/// Helm values for the ingress-nginx chart, computed from the model: the controller ConfigMap (the http-level
/// settings of nginx.conf), capacity, a dedicated IngressClass, the client address kept, and room to drain.
/// Every key exists in the chart's values.yaml (see <see cref="KnownChartValues"/>).
/// </summary>
public static class ControllerValues
{
    public static SortedDictionary<string, object> For(EdgeSpec edge, DeploymentSpec deployment) => new(StringComparer.Ordinal)
    {
        ["controller"] = new SortedDictionary<string, object>(StringComparer.Ordinal)
        {
            ["replicaCount"] = deployment.ProxyReplicas,
            // The chart creates a PodDisruptionBudget with this when there is more than one replica.
            ["minAvailable"] = 1,
            ["allowSnippetAnnotations"] = false,
            ["ingressClass"] = deployment.IngressClass,
            ["ingressClassResource"] = new SortedDictionary<string, object>(StringComparer.Ordinal)
            {
                ["name"] = deployment.IngressClass,
                ["enabled"] = true,
                ["default"] = false,
                ["controllerValue"] = ControllerValue(deployment),
            },
            ["config"] = ConfigMap(edge),
            ["service"] = new SortedDictionary<string, object>(StringComparer.Ordinal)
            {
                // Keeps the client's address, which upstream-hash-by and X-Forwarded-For depend on.
                ["externalTrafficPolicy"] = "Local",
            },
            // The controller keeps its listeners open this long after SIGTERM, while the load balancer's health check
            // notices the pod is going; then nginx drains for worker-shutdown-timeout.
            ["extraArgs"] = new SortedDictionary<string, object>(StringComparer.Ordinal)
            {
                ["shutdown-grace-period"] = Seconds.Of(deployment.DrainDelay).ToString(CultureInfo.InvariantCulture),
            },
            ["terminationGracePeriodSeconds"] = Seconds.Of(deployment.DrainDelay) + Seconds.Of(edge.Capacity.WorkerShutdownTimeout) + CapacitySpec.GraceMargin,
            ["metrics"] = ControllerMetrics.Values(edge.Metrics),
        },
    };

    public static string ControllerValue(DeploymentSpec deployment) => "k8s.io/" + deployment.IngressClass;

    /// <summary>The controller ConfigMap: ingress-nginx takes every value as a string.</summary>
    public static SortedDictionary<string, string> ConfigMap(EdgeSpec edge)
    {
        var gzip = edge.Gzip;
        var tls = edge.Tls;
        var map = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["allow-snippet-annotations"] = "false",
            // upstream-hash-by (the stream Ingresses' stickiness) is a High-risk annotation: a lower level, set
            // cluster-wide for other controllers, would make this one refuse the sse and ws Ingresses.
            ["annotations-risk-level"] = "High",
            // As the nginx edge redirects (ingress-nginx's default is 308).
            ["http-redirect-code"] = "301",
            // As the nginx edge's API route (ingress-nginx's default is off); the SSE Ingress turns it off for itself.
            ["proxy-buffering"] = "on",
            ["proxy-connect-timeout"] = Seconds.Text(edge.Routes.Api.ConnectTimeout),
            ["proxy-read-timeout"] = Seconds.Text(edge.Routes.Api.ReadTimeout),
            ["proxy-send-timeout"] = Seconds.Text(edge.Routes.Api.SendTimeout),
            // The retry policy of nginx.conf (UpstreamFailover); POST/PATCH/LOCK are never retried once sent.
            ["proxy-next-upstream"] = string.Join(' ', UpstreamFailover.NextUpstreamOn),
            ["proxy-next-upstream-tries"] = InvariantText.Of(UpstreamFailover.Tries),
            ["proxy-next-upstream-timeout"] = Seconds.Text(UpstreamFailover.RetryWindow(edge.Routes.Api)),
            ["retry-non-idempotent"] = "false",
            ["proxy-body-size"] = edge.Body.MaxSize.ToNginx(),
            ["client-body-buffer-size"] = edge.Body.BufferSize.ToNginx(),
            // 0 is "no keep-alive" here too (whole seconds round up to at least 1 for every other key).
            ["keep-alive"] = edge.Listen.KeepaliveTimeout.Value == TimeSpan.Zero ? "0" : Seconds.Text(edge.Listen.KeepaliveTimeout),
            ["upstream-keepalive-connections"] = InvariantText.Of(edge.Upstreams.Api.Keepalive),
            ["use-gzip"] = gzip.Enabled ? "true" : "false",
            ["gzip-level"] = InvariantText.Of(gzip.Level),
            ["gzip-min-length"] = InvariantText.Of(gzip.MinLength),
            ["gzip-types"] = string.Join(' ', gzip.Types),
            ["use-http2"] = tls.Http2 ? "true" : "false",
            ["ssl-protocols"] = string.Join(' ', tls.Protocols.Select(p => p.Name())),
            ["ssl-buffer-size"] = tls.BufferSize.ToNginx(),
            ["ssl-session-cache"] = tls.SessionCacheSize.Bytes > 0 ? "true" : "false",
            ["ssl-session-cache-size"] = tls.SessionCacheSize.Bytes > 0 ? tls.SessionCacheSize.ToNginx() : "10m",
            ["hsts"] = tls.HstsMaxAge.Value > TimeSpan.Zero ? "true" : "false",
            ["hsts-max-age"] = InvariantText.Of(tls.HstsMaxAge.TotalSeconds),
            ["hsts-include-subdomains"] = "false",
            ["ssl-redirect"] = edge.Listen.RedirectHttpToHttps ? "true" : "false",
            ["worker-processes"] = edge.Capacity.WorkerProcesses?.ToString(CultureInfo.InvariantCulture) ?? "auto",
            ["max-worker-connections"] = InvariantText.Of(edge.Capacity.WorkerConnections),
            ["max-worker-open-files"] = InvariantText.Of(edge.Capacity.WorkerRlimitNofile),
            ["worker-shutdown-timeout"] = Seconds.Text(edge.Capacity.WorkerShutdownTimeout) + "s",
        };
        foreach (var (key, value) in ClientAddressConfig(edge.ClientAddress)) map[key] = value;
        foreach (var (key, value) in ClientLimitsSettings.ConfigMap(edge)) map.Add(key, value);
        return map;
    }

    /// <summary>
    /// The real client address behind load balancers, as the Docker edge's realip directives take it: X-Forwarded-For
    /// (or the PROXY protocol) believed only from the trusted ranges. enable-real-ip rather than use-forwarded-headers:
    /// the latter also passes every client's X-Forwarded-Proto/-Host/-Port on to backends and into the HTTPS redirect
    /// decision, unchecked against proxy-real-ip-cidr, while the Docker edge sends its own $scheme and $host. Left out,
    /// compute-full-forwarded-for keeps X-Forwarded-For the resolved client alone, as the Docker edge sends it.
    /// Nothing without trusted proxies: the keys' defaults (proxy-real-ip-cidr 0.0.0.0/0 would trust everyone).
    /// </summary>
    public static IEnumerable<KeyValuePair<string, string>> ClientAddressConfig(ClientAddressSpec client)
    {
        if (!client.BehindProxies) yield break;
        yield return new("proxy-real-ip-cidr", string.Join(',', client.TrustedProxies));
        yield return client.ProxyProtocol ? new("use-proxy-protocol", "true") : new("enable-real-ip", "true");
    }
}
