using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Net.WebSockets;
using RealtimeStack.Local;

namespace RealtimeStack.Benchmark;

/// <summary>
/// HTTP and WebSocket clients that connect to 127.0.0.1 whatever host the URL names (so an edge's name can be the
/// URL's, for SNI and Host, as a browser sends it) and accept the benchmark's own self-signed certificate.
/// </summary>
public static class Clients
{
    public static SocketsHttpHandler Handler() => new()
    {
        UseProxy = false,
        AutomaticDecompression = DecompressionMethods.None,
        ConnectTimeout = TimeSpan.FromSeconds(10),
        MaxConnectionsPerServer = int.MaxValue,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = (_, _, _, _) => true },
        ConnectCallback = (context, token) => Loopback.StreamAsync(context.DnsEndPoint.Port, from: null, token),
    };

    public static HttpClient Http(SocketsHttpHandler handler) => new(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };

    public static async Task<ClientWebSocket> WebSocketAsync(Uri uri, HttpMessageInvoker invoker, CancellationToken token)
    {
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        socket.Options.SetBuffer(4096, 4096);
        await socket.ConnectAsync(uri, invoker, token);
        return socket;
    }

    /// <summary>Reads an SSE stream line by line; returns the data lines' values as they arrive.</summary>
    public static async IAsyncEnumerable<string> SseDataAsync(Stream stream, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken token)
    {
        using var reader = new StreamReader(stream);
        while (await reader.ReadLineAsync(token) is { } line)
            if (line.StartsWith("data: ", StringComparison.Ordinal)) yield return line[6..];
    }
}
