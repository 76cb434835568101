using RealtimeStack.Edge.Cluster;
using RealtimeStack.Edge.Model;

namespace RealtimeStack.Edge.GatewayApi;

/// <summary>
/// Envoy's own Prometheus metrics on every proxy pod (Envoy Gateway's default: container port <see cref="PortName"/>,
/// <see cref="Port"/>, <see cref="Path"/>). Envoy Gateway creates no Service for them, so a prometheus-operator
/// PodMonitor selects the proxy pods of this stack's Gateway by the labels Envoy Gateway puts on them.
/// </summary>
public static class ProxyMetrics
{
    public const int Port = 19001;
    public const string PortName = "metrics";
    public const string Path = "/stats/prometheus";

    /// <summary>The PodMonitor when one is asked for (realtime:metricsMonitor), else null.</summary>
    public static CustomObject? PodMonitor(EdgeSpec edge, DeploymentSpec deployment)
    {
        if (!edge.Metrics.Enabled || !deployment.Monitoring.MetricsMonitor) return null;
        var proxies = EnvoyGatewayRelease.NamespaceOf(deployment);
        return new CustomObject(PrometheusOperator.ApiVersion, "PodMonitor", deployment.GatewayClass + "-proxy", proxies, ObjectMap.Of(
            ("selector", ObjectMap.Of(("matchLabels", ObjectMap.Of(
                ("app.kubernetes.io/name", "envoy"),
                ("app.kubernetes.io/component", "proxy"),
                ("gateway.envoyproxy.io/owning-gateway-name", GatewaySettings.GatewayName),
                ("gateway.envoyproxy.io/owning-gateway-namespace", deployment.Namespace))))),
            ("namespaceSelector", ObjectMap.Of(("matchNames", new object[] { proxies }))),
            ("podMetricsEndpoints", new object[]
            {
                ObjectMap.Of(("port", PortName), ("path", Path), ("interval", PrometheusOperator.Interval)),
            })))
        {
            Labels = deployment.Monitoring.MetricsMonitorLabels,
        };
    }
}
