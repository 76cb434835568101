namespace RealtimeStack.Edge.Cluster;

/// <summary>What the ServiceMonitor (ingress-nginx) and the PodMonitor (Envoy Gateway) share: prometheus-operator's
/// API, whose CRDs the cluster must have, and how often they are scraped.</summary>
public static class PrometheusOperator
{
    public const string ApiVersion = "monitoring.coreos.com/v1";
    public const string Interval = "30s";
}
