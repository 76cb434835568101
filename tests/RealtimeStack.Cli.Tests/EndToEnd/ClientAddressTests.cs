using RealtimeStack.Local;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using RealtimeStack.Cli.LocalEdges;
using RealtimeStack.Edge.Docker;
using RealtimeStack.Cli.Tests.Support;
using RealtimeStack.SampleBackends;

namespace RealtimeStack.Cli.Tests.EndToEnd;

/// <summary>
/// The client's real address behind a load balancer, on real nginx (every installed one). Here the "load balancer" is
/// this test on 127.0.0.1: trusted, its X-Forwarded-For names the client; or a <see cref="ProxyProtocolRelay"/> in
/// front of the listeners. The sample backends report the X-Real-IP and X-Forwarded-For they were sent.
/// </summary>
public sealed class ClientAddressTests
{
    public static TheoryData<string> Nginx => InstalledNginx.Names;

    private const string Client = "203.0.113.7";

    private static CancellationToken Within(int seconds) => new CancellationTokenSource(TimeSpan.FromSeconds(seconds)).Token;

    private static async Task<(LocalEdge Edge, EdgeClient Client)> StartAsync(string nginx, int sseBackends, params (string, string)[] changes)
    {
        var edge = await LocalEdge.StartAsync(Stacks.Minimal([("maxStreams", "200"), .. changes]), InstalledNginx.Get(nginx), sseBackends: sseBackends);
        return (edge, new EdgeClient(edge, LocalEdgeFixture.Host));
    }

    /// <summary>What a backend behind <paramref name="path"/> saw, asked with the given X-Forwarded-For.</summary>
    private static async Task<(string Instance, string RealIp, string ForwardedFor)> SeenAsync(HttpClient http, Uri url, string? forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (forwardedFor is not null) request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Within(15));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (One(response.Headers, SampleHeaders.Instance), One(response.Headers, SampleHeaders.SeenRealIp), One(response.Headers, SampleHeaders.SeenForwardedFor));
    }

    private static string One(System.Net.Http.Headers.HttpResponseHeaders headers, string name) => headers.GetValues(name).Single();

    private static async Task<(string RealIp, string ForwardedFor)> SeenOverWebSocketAsync(EdgeClient client, SocketsHttpHandler handler, string? forwardedFor)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.HttpVersion = HttpVersion.Version11;
        if (forwardedFor is not null) socket.Options.SetRequestHeader("X-Forwarded-For", forwardedFor);
        using var invoker = new HttpMessageInvoker(handler, disposeHandler: false);
        await socket.ConnectAsync(client.Wss("/ws/chat"), invoker, Within(15));
        var headers = socket.HttpResponseHeaders!;
        return (headers[SampleHeaders.SeenRealIp].Single(), headers[SampleHeaders.SeenForwardedFor].Single());
    }

    /// <summary>A handler whose connections go to <paramref name="port"/> on 127.0.0.1, whatever port the URL names.</summary>
    private static SocketsHttpHandler Via(EdgeClient client, int port)
    {
        var handler = client.Handler();
        handler.ConnectCallback = (_, token) => Loopback.StreamAsync(port, from: null, token);
        return handler;
    }

    [Theory]
    [MemberData(nameof(Nginx))]
    public async Task A_trusted_proxy_names_the_client_to_every_backend(string nginx)
    {
        var (edge, client) = await StartAsync(nginx, 1, ("trustedProxies", "127.0.0.1/32,10.0.0.0/8"));
        await using var _ = edge;
        using var __ = client;
        var http = client.HttpClient();
        foreach (var path in new[] { "/api/who", "/sse/who?count=1&interval=10" })
        {
            var seen = await SeenAsync(http, client.Https(path), Client);
            Assert.Equal((Client, Client), (seen.RealIp, seen.ForwardedFor));
        }
        Assert.Equal((Client, Client), await SeenOverWebSocketAsync(client, client.Handler(), Client));

        // A chain: trusted hops on the right are skipped (real_ip_recursive), and what the client wrote on the left
        // is not passed on as if it were vouched for.
        var chain = await SeenAsync(http, client.Https("/api/chain"), $"198.51.100.1, {Client}, 10.1.2.3");
        Assert.Equal((Client, Client), (chain.RealIp, chain.ForwardedFor));

        // No header from the trusted proxy: the proxy itself is the client.
        var bare = await SeenAsync(http, client.Https("/api/bare"), null);
        Assert.Equal(("127.0.0.1", "127.0.0.1"), (bare.RealIp, bare.ForwardedFor));
    }

    [Theory]
    [MemberData(nameof(Nginx))]
    public async Task Stickiness_follows_the_forwarded_client_not_the_proxy(string nginx)
    {
        var (edge, client) = await StartAsync(nginx, 2, ("trustedProxies", "127.0.0.1/32"));
        await using var _ = edge;
        using var __ = client;
        var http = client.HttpClient();
        // Every request comes from the same proxy address; find two clients the hash sends to different backends.
        var placed = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var n = 1; n <= 40 && placed.Values.Distinct().Count() < 2; n++)
        {
            var address = $"203.0.113.{n}";
            placed[address] = (await SeenAsync(http, client.Https("/sse/place?count=1&interval=10"), address)).Instance;
        }
        Assert.True(placed.Values.Distinct().Count() == 2, $"40 client addresses all went to one backend: {string.Join(", ", placed)}");
        var pair = placed.GroupBy(p => p.Value).Select(g => g.First()).ToArray();
        foreach (var (address, instance) in pair)
            for (var i = 0; i < 3; i++)
            {
                var seen = await SeenAsync(http, client.Https($"/sse/again{i}?count=1&interval=10"), address);
                Assert.Equal((instance, address), (seen.Instance, seen.RealIp));
            }
        Assert.Equal(["sse-1", "sse-2"], pair.Select(p => p.Value).Order());
    }

    [Theory]
    [MemberData(nameof(Nginx))]
    public async Task An_untrusted_sender_cannot_name_another_client(string nginx)
    {
        var (edge, client) = await StartAsync(nginx, 1, ("trustedProxies", "10.0.0.0/8"));
        await using var _ = edge;
        using var __ = client;
        var http = client.HttpClient();
        var seen = await SeenAsync(http, client.Https("/api/spoof"), Client);
        // Its own address, and the forged header is not passed on either.
        Assert.Equal(("127.0.0.1", "127.0.0.1"), (seen.RealIp, seen.ForwardedFor));
        Assert.Equal(("127.0.0.1", "127.0.0.1"), await SeenOverWebSocketAsync(client, client.Handler(), Client));
    }

    [Theory]
    [MemberData(nameof(Nginx))]
    public async Task With_the_proxy_protocol_the_header_names_the_client_and_is_required(string nginx)
    {
        var (edge, client) = await StartAsync(nginx, 1, ("trustedProxies", "127.0.0.1/32"), ("proxyProtocol", "true"));
        await using var _ = edge;
        using var __ = client;
        await using var https = ProxyProtocolRelay.Start(edge.Spec.Listen.HttpsPort, IPAddress.Parse("203.0.113.9"));
        await using var plain = ProxyProtocolRelay.Start(edge.Spec.Listen.HttpPort, IPAddress.Parse("203.0.113.9"));

        var viaRelay = new HttpClient(Via(client, https.Port), disposeHandler: true) { Timeout = TimeSpan.FromSeconds(30) };
        using (viaRelay)
        {
            // The header's address wins over any X-Forwarded-For the client wrote.
            foreach (var path in new[] { "/api/who", "/sse/who?count=1&interval=10" })
            {
                var seen = await SeenAsync(viaRelay, client.Https(path), "198.51.100.1");
                Assert.Equal(("203.0.113.9", "203.0.113.9"), (seen.RealIp, seen.ForwardedFor));
            }
            Assert.Equal(("203.0.113.9", "203.0.113.9"), await SeenOverWebSocketAsync(client, Via(client, https.Port), null));
        }
        using (var viaPlain = new HttpClient(Via(client, plain.Port), disposeHandler: true) { Timeout = TimeSpan.FromSeconds(30) })
        {
            using var health = await viaPlain.GetAsync(client.Http("/healthz"), Within(10));
            Assert.Equal(HttpStatusCode.NoContent, health.StatusCode);
        }

        // The container's health check (which busybox wget could not make) gets its 204.
        Assert.StartsWith("HTTP/1.1 204 ", await RawAsync(edge.Spec.Listen.HttpPort, ContainerHealthCheck.ProxyProtocolRequest(edge.Spec.Listen.HttpPort)));

        // Straight to either listener, without the header: the connection is closed, nothing is answered.
        var direct = client.HttpClient();
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => direct.GetAsync(client.Https("/api/direct"), Within(10)));
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => direct.GetAsync(client.Http("/healthz"), Within(10)));
    }

    /// <summary>Sends <paramref name="request"/> on a new connection and reads until nginx closes it.</summary>
    private static async Task<string> RawAsync(int port, string request)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var token = Within(10);
        await socket.ConnectAsync(IPAddress.Loopback, port, token);
        await socket.SendAsync(System.Text.Encoding.ASCII.GetBytes(request), SocketFlags.None, token);
        using var stream = new NetworkStream(socket);
        using var reader = new StreamReader(stream, System.Text.Encoding.ASCII);
        return await reader.ReadToEndAsync(token);
    }

    [Theory]
    [MemberData(nameof(Nginx))]
    public async Task A_proxy_protocol_header_from_an_untrusted_sender_is_not_believed(string nginx)
    {
        var (edge, client) = await StartAsync(nginx, 1, ("trustedProxies", "10.0.0.0/8"), ("proxyProtocol", "true"));
        await using var _ = edge;
        using var __ = client;
        await using var relay = ProxyProtocolRelay.Start(edge.Spec.Listen.HttpsPort, IPAddress.Parse("203.0.113.9"));
        using var http = new HttpClient(Via(client, relay.Port), disposeHandler: true) { Timeout = TimeSpan.FromSeconds(30) };
        var seen = await SeenAsync(http, client.Https("/api/who"), null);
        Assert.Equal(("127.0.0.1", "127.0.0.1"), (seen.RealIp, seen.ForwardedFor));
    }
}
