using RealtimeStack.Edge.Model;

namespace RealtimeStack.Edge.IngressNginx;

/// <summary>
/// The controller's Prometheus metrics (chart values <c>controller.metrics.*</c>): with metrics on, the controller
/// runs with --enable-metrics, its pods expose <see cref="Port"/> and the chart creates the Service
/// <c>&lt;release&gt;-controller-metrics</c> (port named <see cref="PortName"/>) a ServiceMonitor selects.
/// </summary>
public static class ControllerMetrics
{
    /// <summary>The chart's default metrics port (values.yaml <c>controller.metrics.port</c>), stated so it is not a guess.</summary>
    public const int Port = 10254;

    /// <summary>The chart's default port name (<c>controller.metrics.portName</c>), which the metrics Service's port carries.</summary>
    public const string PortName = "metrics";

    public static SortedDictionary<string, object> Values(MetricsSpec metrics) => new(StringComparer.Ordinal)
    {
        ["enabled"] = metrics.Enabled,
        ["port"] = Port,
    };
}
