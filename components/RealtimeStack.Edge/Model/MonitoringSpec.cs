namespace RealtimeStack.Edge.Model;

/// <summary>
/// How metrics are collected where the edge runs. Docker: the exporter's port published on the host
/// (<see cref="ExporterHostPort"/>, 0 = only on the edge's network). Kubernetes: a prometheus-operator
/// ServiceMonitor for the controller's metrics, carrying the labels a Prometheus selects ServiceMonitors by.
/// </summary>
public sealed record MonitoringSpec(int ExporterHostPort, bool MetricsMonitor, IReadOnlyList<KeyValuePair<string, string>> MetricsMonitorLabels)
{
    public bool PublishesExporter => ExporterHostPort > 0;
}
