using System.Globalization;
using RealtimeStack.Edge.Configuration;
using RealtimeStack.Edge.Model;

namespace RealtimeStack.Local;

/// <summary>
/// What changes when a stack runs on this machine instead of where it is deployed: the backends' addresses, the
/// listen ports (the status port too, so edges running side by side never share one), and the nginx version (the one
/// installed here). Everything else stays the stack's.
/// </summary>
public static class LocalOverrides
{
    public static Dictionary<string, string> Apply(
        IReadOnlyDictionary<string, string> values, string apiServers, string sseServers, string wsServers, int httpPort, int httpsPort, int statusPort, NginxVersion version) =>
        new(values, StringComparer.Ordinal)
        {
            [EdgeConfigKeys.ApiServers.FullName] = apiServers,
            [EdgeConfigKeys.SseServers.FullName] = sseServers,
            [EdgeConfigKeys.WsServers.FullName] = wsServers,
            [EdgeConfigKeys.HttpPort.FullName] = httpPort.ToString(CultureInfo.InvariantCulture),
            [EdgeConfigKeys.HttpsPort.FullName] = httpsPort.ToString(CultureInfo.InvariantCulture),
            [EdgeConfigKeys.StatusPort.FullName] = statusPort.ToString(CultureInfo.InvariantCulture),
            [EdgeConfigKeys.NginxVersion.FullName] = version.ToString(),
        };
}
