using System.Globalization;
using RealtimeStack.Edge.Model;

namespace RealtimeStack.Edge.Docker;

/// <summary>
/// The nginx container's health check: GET /healthz on the plain HTTP listener from inside the container. With the
/// PROXY protocol on, that listener closes any connection that does not start with a PROXY header (busybox wget
/// cannot send one), so when the plain GET fails the check writes header and request itself through busybox nc,
/// which the Alpine image has, and looks for the 204. One command for both: Docker never changes a running
/// container's health check, so one that depended on realtime:proxyProtocol would go stale on the first switch.
/// </summary>
public static class ContainerHealthCheck
{
    public static IReadOnlyList<string> For(EdgeSpec edge)
    {
        var port = edge.Listen.HttpPort.ToString(CultureInfo.InvariantCulture);
        // printf turns the \r\n escapes into the CRLFs both the PROXY header and HTTP need.
        var proxied = ProxyProtocolRequest(edge.Listen.HttpPort).Replace("\r\n", "\\r\\n", StringComparison.Ordinal);
        return ["CMD-SHELL", $"wget -q -O /dev/null http://127.0.0.1:{port}{ContainerEdgeSettings.HealthPath} || printf '{proxied}' | nc 127.0.0.1 {port} | grep -q '^HTTP/1.1 204'"];
    }

    /// <summary>The bytes the PROXY protocol form sends: a header naming the container itself, then an HTTP/1.0
    /// request (nginx closes after answering it, which ends nc).</summary>
    public static string ProxyProtocolRequest(int httpPort) =>
        $"PROXY TCP4 127.0.0.1 127.0.0.1 1 {httpPort.ToString(CultureInfo.InvariantCulture)}\r\nGET {ContainerEdgeSettings.HealthPath} HTTP/1.0\r\n\r\n";
}
