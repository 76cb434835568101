using RealtimeStack.Edge.Model;
using static RealtimeStack.Edge.Nginx.Directive;

namespace RealtimeStack.Edge.Nginx;

/// <summary>
/// nginx's connection counters (stub_status) on a server of their own port, never on the public listeners: the only
/// server on that port, so the catch-all servers for unknown names (which sit on the public ports) never see it.
/// In a container it listens on every interface but is not published (only http/https are); locally on the layout's
/// address (127.0.0.1). Only the status path answers; everything else is 404.
/// </summary>
public static class StatusServer
{
    /// <summary>Who may read the status: loopback, and the private ranges a container network (Docker's bridge
    /// networks are 172.16.0.0/12 by default, user-defined ones may be 10/8 or 192.168/16) puts a metrics exporter
    /// in. The port is not published, so this is a second fence, not the first.</summary>
    public static IReadOnlyList<string> AllowedSources { get; } =
        ["127.0.0.1", "::1", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"];

    public static Directive? For(MetricsSpec metrics, NginxLayout layout)
    {
        if (!metrics.Enabled) return null;
        return Blocked("server",
        [
            Simple("listen", layout.Listen(metrics.StatusPort)),
            Blocked("location", ["=", MetricsSpec.StatusPath],
            [
                Simple("stub_status"),
                // Scrapes every few seconds would drown the streams' lines.
                Simple("access_log", "off"),
                .. AllowedSources.Select(source => Simple("allow", source)),
                Simple("deny", "all"),
            ]),
            Blocked("location", ["/"], [Simple("return", "404")]),
        ]);
    }
}
