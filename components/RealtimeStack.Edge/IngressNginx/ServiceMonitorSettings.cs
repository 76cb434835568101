using RealtimeStack.Edge.Model;
using RealtimeStack.Edge.Cluster;

namespace RealtimeStack.Edge.IngressNginx;

/// <summary>
/// A prometheus-operator ServiceMonitor (monitoring.coreos.com/v1) for the controller's metrics Service: in the
/// controller's namespace, selecting the chart's controller labels (only the metrics Service has a port named
/// <see cref="ControllerMetrics.PortName"/>), scraped every <see cref="PrometheusOperator.Interval"/>, labelled so a Prometheus's
/// serviceMonitorSelector picks it up. Created by the components rather than the chart, so its spec is this
/// record's and is checked against the CRD's schema.
/// </summary>
public sealed record ServiceMonitorSettings(string Name, string Namespace, IReadOnlyList<KeyValuePair<string, string>> Labels, IReadOnlyDictionary<string, string> Selector)
{
    public const string Kind = "ServiceMonitor";

    /// <summary>The ServiceMonitor for the model, or null when none is asked for (or metrics are off).</summary>
    public static ServiceMonitorSettings? For(EdgeSpec edge, DeploymentSpec deployment)
    {
        if (!edge.Metrics.Enabled || !deployment.Monitoring.MetricsMonitor) return null;
        // The chart's selector labels (ingress-nginx.selectorLabels) and component; the release is named after the IngressClass.
        var selector = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["app.kubernetes.io/name"] = IngressNginxChart.Name,
            ["app.kubernetes.io/instance"] = deployment.IngressClass,
            ["app.kubernetes.io/component"] = "controller",
        };
        return new ServiceMonitorSettings(deployment.IngressClass + "-controller", IngressNginxChart.NamespaceOf(deployment), deployment.Monitoring.MetricsMonitorLabels, selector);
    }

    /// <summary>The ServiceMonitor as the components create it.</summary>
    public CustomObject Object() => new(PrometheusOperator.ApiVersion, Kind, Name, Namespace, Spec()) { Labels = Labels };

    /// <summary>The object's <c>spec</c>, as the CRD spells it.</summary>
    public SortedDictionary<string, object> Spec() => new(StringComparer.Ordinal)
    {
        ["selector"] = new SortedDictionary<string, object>(StringComparer.Ordinal)
        {
            ["matchLabels"] = new SortedDictionary<string, object>(Selector.ToDictionary(kv => kv.Key, kv => (object)kv.Value), StringComparer.Ordinal),
        },
        ["namespaceSelector"] = new SortedDictionary<string, object>(StringComparer.Ordinal) { ["matchNames"] = new[] { Namespace } },
        ["endpoints"] = new object[]
        {
            new SortedDictionary<string, object>(StringComparer.Ordinal)
            {
                ["port"] = ControllerMetrics.PortName,
                ["path"] = "/metrics",
                ["interval"] = PrometheusOperator.Interval,
            },
        },
    };
}
