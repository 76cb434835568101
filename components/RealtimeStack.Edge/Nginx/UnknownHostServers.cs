using RealtimeStack.Edge.Model;
using static RealtimeStack.Edge.Nginx.Directive;

namespace RealtimeStack.Edge.Nginx;

/// <summary>
/// The catch-all servers that take every request for a name the edge does not serve (realtime:rejectUnknownHosts):
/// plain HTTP closes the connection without an answer (444), TLS rejects the handshake (ssl_reject_handshake,
/// nginx 1.19.4+) for any other SNI name or none. They are the listeners' default servers and carry the socket
/// options the renderer gives them (reuseport, backlog), which nginx accepts only once per address:port; the named
/// servers then listen plainly.
/// </summary>
public static class UnknownHostServers
{
    /// <summary>nginx's non-standard code: close the connection, send nothing.</summary>
    public const string CloseWithoutAnswer = "444";

    /// <summary>Plain HTTP. Container health checks probe by 127.0.0.1 (not a served name), so the health path answers
    /// here too; nothing else does.</summary>
    public static Directive Plain(IReadOnlyList<string> listen, IReadOnlyList<string> socketOptions, Directive health) => Blocked("server",
    [
        Simple("listen", [listen[0], "default_server", .. socketOptions, .. listen.Skip(1)]),
        health,
        Blocked("location", ["/"], [Simple("return", CloseWithoutAnswer)]),
    ]);

    /// <summary>TLS. A client that sends a served name as SNI and another Host still lands here for its request
    /// (nginx picks the server for a request by Host), so the server also closes without an answer. The protocols
    /// repeat the named server's so a handshake is held to the same versions whichever server's settings it starts with.</summary>
    public static Directive Tls(IReadOnlyList<string> listen, IReadOnlyList<string> socketOptions, IEnumerable<TlsProtocol> protocols, Func<TlsProtocol, string> protocolName) => Blocked("server",
    [
        Simple("listen", [.. listen, "default_server", .. socketOptions]),
        Simple("ssl_reject_handshake", "on"),
        Simple("ssl_protocols", [.. protocols.Select(protocolName)]),
        Simple("return", CloseWithoutAnswer),
    ]);
}
