using System.Globalization;
using RealtimeStack.Edge.Model;
using static RealtimeStack.Edge.Nginx.Directive;

namespace RealtimeStack.Edge.Nginx;

/// <summary>
/// What one client may take from the edge, as nginx directives: concurrent streams per client address (one zone for
/// SSE and WebSocket together), an API request rate, and bounds on slow request headers and bodies. The key is
/// <c>$binary_remote_addr</c>: the connection's peer, or the client named by a trusted proxy once realip has run.
/// </summary>
public static class ClientLimitsDirectives
{
    /// <summary>The zone both stream routes count in, so SSE and WebSocket streams of one client add up.</summary>
    public const string StreamsZone = "realtime_streams";

    public const string ApiZone = "realtime_api";

    /// <summary>The zone the API route counts a client's requests in progress in (apiRequestsPerClient).</summary>
    public const string ApiRequestsZone = "realtime_api_requests";

    /// <summary>Too Many Requests: the client (not the edge) is over its share, and clients back off on it.</summary>
    public const string RejectedStatus = "429";

    /// <summary>
    /// limit_req keeps a state per address seen recently and drops the least recently used one when full, so its
    /// size only bounds how many clients are remembered at once: 10m keeps about 160,000 (64 bytes each).
    /// </summary>
    public static readonly ByteSize ApiZoneSize = ByteSize.Megabytes(10);

    /// <summary>A limit_conn state lives only while its client holds a stream, so at most maxStreams exist at once
    /// (each a distinct address at worst); 1m keeps about 16,000 64-byte states. Sized at 8,000 per megabyte (room
    /// for the allocator's overhead), 1m at least: when the zone is full nginx refuses every new stream.</summary>
    public static ByteSize StreamsZoneSize(CapacitySpec capacity) => ByteSize.Megabytes(Math.Max(1, (capacity.MaxStreams + 7_999) / 8_000));

    /// <summary>The http-level part: slow-client bounds (at http level, so no default server's value stands in for the
    /// named one's) and the shared-memory zones.</summary>
    public static IEnumerable<Directive> Http(EdgeSpec spec)
    {
        var limits = spec.Limits;
        yield return Simple("client_header_timeout", limits.HeaderTimeout.ToNginx());
        yield return Simple("client_body_timeout", limits.BodyTimeout.ToNginx());
        yield return Simple("large_client_header_buffers", InvariantText.Of(LimitsSpec.LargeHeaderBuffers), limits.LargeHeaderBufferSize.ToNginx());
        if (limits.StreamsPerClient > 0)
            yield return Simple("limit_conn_zone", "$binary_remote_addr", $"zone={StreamsZone}:{StreamsZoneSize(spec.Capacity).ToNginx()}");
        // Its states live while a client has an API request in progress: fewer than the stream zone's at most.
        if (limits.ApiRequestsPerClient > 0)
            yield return Simple("limit_conn_zone", "$binary_remote_addr", $"zone={ApiRequestsZone}:{StreamsZoneSize(spec.Capacity).ToNginx()}");
        if (limits.StreamsPerClient > 0 || limits.ApiRequestsPerClient > 0)
            yield return Simple("limit_conn_status", RejectedStatus);
        if (limits.ApiRate is { } rate)
        {
            yield return Simple("limit_req_zone", "$binary_remote_addr", $"zone={ApiZone}:{ApiZoneSize.ToNginx()}", "rate=" + rate);
            yield return Simple("limit_req_status", RejectedStatus);
        }
    }

    /// <summary>
    /// The limits a route's location applies. limit_conn counts a request from when its header is read until it
    /// ends, so a stream (or a slow upload) counts for its whole life; over HTTP/2 each stream counts on its own.
    /// </summary>
    public static IEnumerable<Directive> ForRoute(LimitsSpec limits, RouteKind kind)
    {
        if (kind == RouteKind.Api && limits.ApiRequestsPerClient > 0) yield return Simple("limit_conn", ApiRequestsZone, InvariantText.Of(limits.ApiRequestsPerClient));
        if (RouteLimit(limits, kind) is { } limit) yield return limit;
    }

    private static Directive? RouteLimit(LimitsSpec limits, RouteKind kind) => kind switch
    {
        // nodelay: a burst within the allowance is served at once instead of being spaced out at the rate.
        // nginx refuses burst=0; no burst is its default, and then nodelay has nothing to do.
        RouteKind.Api when limits.ApiRate is not null => limits.ApiBurst > 0
            ? Simple("limit_req", "zone=" + ApiZone, "burst=" + InvariantText.Of(limits.ApiBurst), "nodelay")
            : Simple("limit_req", "zone=" + ApiZone),
        RouteKind.ServerSentEvents or RouteKind.WebSocket when limits.StreamsPerClient > 0 =>
            Simple("limit_conn", StreamsZone, InvariantText.Of(limits.StreamsPerClient)),
        _ => null,
    };
}
