using RealtimeStack.Edge.Model;
using static RealtimeStack.Edge.Nginx.Directive;

namespace RealtimeStack.Edge.Nginx;

/// <summary>
/// nginx's connection counters (stub_status) on a server of their own, never on the public listeners: the only server
/// on its port, so the catch-all servers for unknown names (which sit on the public ports) never see it. It listens
/// on loopback only, in every layout (in a container: for <c>docker exec</c> and the edge's own tools), and on the
/// layout's unix socket, which the metrics exporter shares through a volume: no network reaches it. Only the status
/// path answers, only to loopback and the socket; everything else is 404.
/// </summary>
public static class StatusServer
{
    /// <summary>The only TCP address the status listens on, and the only one it answers.</summary>
    public const string LoopbackAddress = "127.0.0.1";

    /// <summary>The status URL over loopback: one definition for everything on the host (or in the container) that reads it.</summary>
    public static Uri Url(MetricsSpec metrics) =>
        new UriBuilder(Uri.UriSchemeHttp, LoopbackAddress, metrics.StatusPort, MetricsSpec.StatusPath).Uri;

    /// <summary>Who may read the status: loopback, and whoever connects through the socket (nginx's <c>unix:</c>).</summary>
    public static IReadOnlyList<string> AllowedSources(NginxLayout layout) =>
        layout.StatusSocket is null ? [LoopbackAddress] : [LoopbackAddress, "unix:"];

    public static Directive? For(MetricsSpec metrics, NginxLayout layout)
    {
        if (!metrics.Enabled) return null;
        return Blocked("server",
        [
            Simple("listen", $"{LoopbackAddress}:{metrics.StatusPort.ToString(System.Globalization.CultureInfo.InvariantCulture)}"),
            layout.StatusSocket is { } socket ? Simple("listen", socket.Listen) : null,
            Blocked("location", ["=", MetricsSpec.StatusPath],
            [
                Simple("stub_status"),
                // Scrapes every few seconds would drown the streams' lines.
                Simple("access_log", "off"),
                .. AllowedSources(layout).Select(source => Simple("allow", source)),
                Simple("deny", "all"),
            ]),
            Blocked("location", ["/"], [Simple("return", "404")]),
        ]);
    }
}
