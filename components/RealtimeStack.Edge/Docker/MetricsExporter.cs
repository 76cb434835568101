using System.Globalization;
using RealtimeStack.Edge.Model;
using RealtimeStack.Edge.Nginx;

namespace RealtimeStack.Edge.Docker;

/// <summary>
/// The nginx-prometheus-exporter container beside the nginx container (docker mode): it reads nginx's stub_status
/// through the status socket in the volume both containers mount (<see cref="StatusSocket.Container"/>), so the
/// status has no listener on any network, and serves Prometheus metrics on <see cref="ListenPort"/>, published on the
/// host only at <see cref="HostPort"/> (0: not published).
/// </summary>
public sealed record MetricsExporter(string Image, int HostPort)
{
    /// <summary>
    /// Pinned: the last 1.x release (v1.5.3, 2026-08-14). Its flags (--nginx.scrape-uri, --web.listen-address) and
    /// metric names (nginx_connections_*, nginx_http_requests_total, nginx_up) are what the dashboard reads.
    /// </summary>
    public const string ImageName = "nginx/nginx-prometheus-exporter:1.5.3";

    /// <summary>Where it reads nginx's status: the socket in the volume both containers mount, whatever the model says.</summary>
    public static string ScrapeUri => StatusSocket.Container.ScrapeUri;

    /// <summary>The exporter's own default port (the one registered for it in Prometheus' port list).</summary>
    public const int ListenPort = 9113;

    public const string MetricsPath = "/metrics";

    /// <summary>The exporter's alias on the edge's network, for a Prometheus container joined to it.</summary>
    public const string Alias = "nginx-exporter";

    /// <summary>The exporter for the model, or null when metrics are off.</summary>
    public static MetricsExporter? For(EdgeSpec edge, DeploymentSpec deployment) => Exists(edge)
        ? new MetricsExporter(ImageName, deployment.Monitoring.ExporterHostPort)
        : null;

    /// <summary>Whether the edge has an exporter: metrics are on.</summary>
    public static bool Exists(EdgeSpec edge) => edge.Metrics.Enabled;

    /// <summary>The container's command (the image's entrypoint is the exporter): the same for every model.</summary>
    public static IReadOnlyList<string> Command =>
    [
        "--nginx.scrape-uri=" + ScrapeUri,
        "--web.listen-address=:" + ListenPort.ToString(CultureInfo.InvariantCulture),
    ];
}
