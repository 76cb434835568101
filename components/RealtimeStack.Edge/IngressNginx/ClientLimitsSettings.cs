using System.Globalization;
using RealtimeStack.Edge.Model;

namespace RealtimeStack.Edge.IngressNginx;

/// <summary>
/// The client limits as ingress-nginx (v1.15.1) can express them; where it cannot say exactly what nginx.conf says,
/// the closest setting:
/// <list type="bullet">
/// <item>Unknown names: <c>ssl-reject-handshake</c> rejects TLS handshakes for hosts no Ingress names. Plain HTTP for
/// an unknown Host goes to the controller's default backend (404), never to a backend Service; ingress-nginx has no
/// close-without-answer without snippets, which stay disabled.</item>
/// <item>Streams: <c>limit-connections</c> gets its own zone per Ingress, so SSE and WebSocket each allow
/// streamsPerClient (up to twice it together, not one shared count), and per controller replica.</item>
/// <item>API rate: <c>limit-rps</c> or <c>limit-rpm</c>, with the burst as a multiple of the rate
/// (<c>limit-burst-multiplier</c>, rounded, at least 1); like here it uses nodelay.</item>
/// <item>Status: controller-wide <c>limit-conn-status-code</c> and <c>limit-req-status-code</c> (default 503) set to 429.</item>
/// </list>
/// </summary>
public static class ClientLimitsSettings
{
    /// <summary>Controller ConfigMap keys (documented in ingress-nginx's configmap.md); every value a string.</summary>
    public static IEnumerable<KeyValuePair<string, string>> ConfigMap(EdgeSpec edge)
    {
        var limits = edge.Limits;
        yield return new("ssl-reject-handshake", edge.Listen.RejectUnknownHosts ? "true" : "false");
        // Whole seconds only.
        yield return new("client-header-timeout", Seconds.Text(limits.HeaderTimeout));
        yield return new("client-body-timeout", Seconds.Text(limits.BodyTimeout));
        yield return new("large-client-header-buffers", $"{InvariantText.Of(LimitsSpec.LargeHeaderBuffers)} {limits.LargeHeaderBufferSize.ToNginx()}");
        yield return new("limit-conn-status-code", "429");
        yield return new("limit-req-status-code", "429");
    }

    /// <summary>Annotations (without prefix) for one route's Ingress.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Annotations(LimitsSpec limits, RouteKind kind)
    {
        if (kind != RouteKind.Api)
        {
            if (limits.StreamsPerClient > 0) yield return new("limit-connections", InvariantText.Of(limits.StreamsPerClient));
            yield break;
        }
        if (limits.ApiRequestsPerClient > 0) yield return new("limit-connections", InvariantText.Of(limits.ApiRequestsPerClient));
        if (limits.ApiRate is not { } rate) yield break;
        yield return new(rate.PerMinute ? "limit-rpm" : "limit-rps", InvariantText.Of(rate.Requests));
        yield return new("limit-burst-multiplier", InvariantText.Of(BurstMultiplier(rate, limits.ApiBurst)));
    }

    /// <summary>ingress-nginx sets burst = rate × multiplier: the multiplier nearest apiBurst, at least 1 (0 would
    /// render burst=0, which nginx refuses, failing the controller's reload).</summary>
    public static int BurstMultiplier(RequestRate rate, int burst) =>
        Math.Max(1, (int)Math.Round((double)burst / rate.Requests, MidpointRounding.AwayFromZero));
}
