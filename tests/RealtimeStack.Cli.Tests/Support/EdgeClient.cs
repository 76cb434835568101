using RealtimeStack.Local;
using System.Net;
using System.Net.WebSockets;
using System.Security.Cryptography.X509Certificates;
using RealtimeStack.Cli.LocalEdges;

namespace RealtimeStack.Cli.Tests.Support;

/// <summary>
/// Real HTTP and WebSocket clients for a <see cref="LocalEdge"/>: URLs carry the edge's server name (so SNI and Host
/// are realistic) while every connection goes to 127.0.0.1; only the edge's own certificate is trusted, or the one
/// given (a certificate the edge was reloaded with). <c>from</c> binds the client's sockets to another loopback
/// address (127.0.0.2, …), so the edge sees another client.
/// </summary>
public sealed class EdgeClient : IDisposable
{
    private readonly LocalEdge _edge;
    private readonly string _thumbprint;
    private readonly List<IDisposable> _owned = [];
    private readonly IPAddress? _from;

    public EdgeClient(LocalEdge edge, string host, string? trustedCertificatePem = null, IPAddress? from = null)
    {
        _edge = edge;
        Host = host;
        _from = from;
        using var certificate = X509Certificate2.CreateFromPem(trustedCertificatePem ?? edge.CertificatePem);
        _thumbprint = certificate.Thumbprint;
    }

    public string Host { get; }

    public Uri Https(string pathAndQuery) => new($"https://{Host}:{_edge.Spec.Listen.HttpsPort}{pathAndQuery}");

    public Uri Http(string pathAndQuery) => new($"http://{Host}:{_edge.Spec.Listen.HttpPort}{pathAndQuery}");

    public Uri Wss(string pathAndQuery) => new($"wss://{Host}:{_edge.Spec.Listen.HttpsPort}{pathAndQuery}");

    public SocketsHttpHandler Handler()
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseProxy = false,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            ConnectCallback = (context, token) => Loopback.StreamAsync(context.DnsEndPoint.Port, _from, token),
        };
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
            certificate is not null && certificate.GetCertHashString() == _thumbprint;
        _owned.Add(handler);
        return handler;
    }

    public HttpClient HttpClient(Version? version = null)
    {
        var client = new HttpClient(Handler(), disposeHandler: false)
        {
            Timeout = TimeSpan.FromSeconds(30),
            DefaultRequestVersion = version ?? HttpVersion.Version11,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        _owned.Add(client);
        return client;
    }

    /// <summary>Opens a WebSocket through the edge and keeps the 101 response's headers.</summary>
    public async Task<ClientWebSocket> WebSocketAsync(string pathAndQuery, CancellationToken token)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.HttpVersion = HttpVersion.Version11;
        var invoker = new HttpMessageInvoker(Handler(), disposeHandler: false);
        _owned.Add(invoker);
        await socket.ConnectAsync(Wss(pathAndQuery), invoker, token);
        return socket;
    }

    public void Dispose()
    {
        foreach (var owned in Enumerable.Reverse(_owned)) owned.Dispose();
    }
}
