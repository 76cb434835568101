using RealtimeStack.Edge.Model;
using static RealtimeStack.Edge.Nginx.Directive;

namespace RealtimeStack.Edge.Nginx;

/// <summary>
/// Requests the edge refuses before any backend sees them. Each guard is an <c>if</c> whose only action is
/// <c>return</c>, the one use of <c>if</c> nginx documents as safe in every context.
/// </summary>
public static class RequestGuards
{
    /// <summary>
    /// The request path in the request line must be canonical. nginx routes by the normalised path ($uri: dot
    /// segments resolved, %XX decoded, slashes merged), but proxy_pass without a URI forwards the path as the client
    /// wrote it, so <c>/api/../sse/x</c> would reach the SSE backend as a path that names the API, and a backend that
    /// normalises differently would route it elsewhere. Refused (400): a dot segment (<c>/./</c>, <c>/../</c>,
    /// <c>/..;</c>), an empty one (<c>//</c>), and an encoded dot, slash or backslash (<c>%2e</c>, <c>%2f</c>,
    /// <c>%5c</c>). The query string is not looked at.
    /// </summary>
    // A dot segment ends at anything that cannot go on a segment name (/, ?, ;, …) or at the end; ';' itself cannot
    // be written unquoted, so the class names what may follow instead.
    public static Directive Path { get; } = Refuse("($request_uri", "~*", "^[^?]*(//|/[.][.]?([^-a-z0-9_.~%]|$)|%2e|%2f|%5c))", "400");

    /// <summary>What a route refuses: the stream routes take only the methods and the protocol they serve.</summary>
    public static IEnumerable<Directive> ForRoute(RouteKind kind) => kind switch
    {
        // An EventSource only ever GETs; HEAD asks the same without the stream.
        RouteKind.ServerSentEvents => [Refuse("($request_method", "!~", "^(GET|HEAD)$)", "405")],
        // Only a WebSocket handshake is passed on, and only as HTTP/1.1 defines it (a GET with Upgrade: websocket):
        // another Upgrade value (h2c) would open a tunnel to the backend past the edge's routing, and nginx cannot
        // carry an upgrade inside an HTTP/2 request (RFC 8441 is not implemented).
        RouteKind.WebSocket =>
        [
            Refuse("($server_protocol", "!=", "HTTP/1.1)", "426"),
            Refuse("($request_method", "!=", "GET)", "405"),
            Refuse("($http_upgrade", "!~*", "^websocket$)", "426"),
        ],
        _ => [],
    };

    private static Directive Refuse(string subject, string op, string pattern, string status) =>
        Blocked("if", [subject, op, pattern], [Simple("return", status)]);
}
