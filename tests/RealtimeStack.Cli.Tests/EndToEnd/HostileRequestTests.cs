using RealtimeStack.Local;
using System.Net;
using RealtimeStack.Cli.Tests.Support;

namespace RealtimeStack.Cli.Tests.EndToEnd;

/// <summary>
/// Requests written to get past the edge, sent byte for byte to real nginx (every installed one) in front of backends
/// that record what reaches them: a backend sees only what the edge routed and vouches for.
/// </summary>
public sealed class HostileRequestTests
{
    public static TheoryData<string> Nginx => InstalledNginx.Names;

    private const string Host = "Host: " + LocalEdgeFixture.Host;

    [Theory]
    [MemberData(nameof(Nginx))]
    public async Task Only_a_websocket_handshake_over_http_1_1_reaches_the_ws_backend(string nginx)
    {
        await using var edge = await RecordedEdge.StartAsync(InstalledNginx.Get(nginx));
        // h2c (or any other protocol) would turn the connection into a tunnel to the backend past the edge's routing.
        Assert.Equal(426, await edge.StatusAsync($"GET /ws/h2c HTTP/1.1\r\n{Host}\r\nUpgrade: h2c\r\nConnection: Upgrade, HTTP2-Settings\r\nHTTP2-Settings: AAMAAABkAAQAAP__"));
        Assert.Equal(426, await edge.StatusAsync($"GET /ws/plain HTTP/1.1\r\n{Host}"));
        Assert.Equal(426, await edge.StatusAsync($"GET /ws/old HTTP/1.0\r\n{Host}\r\nUpgrade: websocket"));
        Assert.Equal(405, await edge.StatusAsync($"POST /ws/post HTTP/1.1\r\n{Host}\r\nUpgrade: websocket\r\nContent-Length: 0"));
        Assert.Empty(edge.Ws.Requests);

        // The handshake itself goes through, Upgrade and Connection passed on (the backend here answers 200).
        Assert.Equal(200, await edge.StatusAsync($"GET /ws/chat HTTP/1.1\r\n{Host}\r\nUpgrade: WebSocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ=="));
        var head = Assert.Single(edge.Ws.Heads);
        Assert.StartsWith("GET /ws/chat HTTP/1.1", head);
        Assert.Contains("\r\nUpgrade: WebSocket", head);
        Assert.Contains("\r\nConnection: upgrade", head);
    }

    [Theory]
    [MemberData(nameof(Nginx))]
    public async Task No_request_over_http_2_reaches_the_ws_backend(string nginx)
    {
        await using var edge = await RecordedEdge.StartAsync(InstalledNginx.Get(nginx));
        using var http2 = edge.Http2Client();
        using var response = await http2.GetAsync(edge.Https("/ws/over-h2"));
        Assert.Equal(HttpVersion.Version20, response.Version);
        Assert.Equal((HttpStatusCode)426, response.StatusCode);
        Assert.Empty(edge.Ws.Requests);
        // HTTP/2 itself is fine on the other routes.
        using var api = await http2.GetAsync(edge.Https("/api/over-h2"));
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Nginx))]
    public async Task The_stream_routes_take_only_their_methods(string nginx)
    {
        await using var edge = await RecordedEdge.StartAsync(InstalledNginx.Get(nginx));
        foreach (var method in new[] { "OPTIONS", "DELETE", "PATCH", "PROPFIND", "POST" })
            Assert.Equal(405, await edge.StatusAsync($"{method} /sse/x HTTP/1.1\r\n{Host}\r\nContent-Length: 0"));
        Assert.Empty(edge.Sse.Requests);
        Assert.Equal(200, await edge.StatusAsync($"GET /sse/x HTTP/1.1\r\n{Host}"));
        Assert.Equal(200, await edge.StatusAsync($"HEAD /sse/x HTTP/1.1\r\n{Host}"));
        // The API keeps the methods an API uses.
        foreach (var method in new[] { "GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS" })
            Assert.Equal(200, await edge.StatusAsync($"{method} /api/x HTTP/1.1\r\n{Host}\r\nContent-Length: 0"));
        Assert.Equal(6, edge.Api.Requests.Count);
    }

    [Theory]
    [MemberData(nameof(Nginx))]
    public async Task A_path_that_is_not_canonical_is_refused_on_every_route(string nginx)
    {
        await using var edge = await RecordedEdge.StartAsync(InstalledNginx.Get(nginx));
        string[] refused =
        [
            "/api/../sse/x", "/api/%2e%2e/sse/x", "/api/%2E%2E/sse/x", "/api/..;/sse/x", "/api/./x", "/api//x",
            "/sse/%2fx", "/sse/a%5c..%5cb", "/ws/../api/x", "/api/x/..", "/api/.%2e/sse/x",
        ];
        foreach (var path in refused)
            Assert.True(await edge.StatusAsync($"GET {path} HTTP/1.1\r\n{Host}") == 400, path);
        Assert.All(edge.Backends, b => Assert.Empty(b.Requests));
        // Canonical paths, dots inside names, and anything in the query pass.
        string[] passed = ["/api/x", "/api/.well-known/x", "/api/a..b/c.d", "/api/x?next=/../y&p=%2f", "/api/v1.2/items"];
        foreach (var path in passed)
            Assert.True(await edge.StatusAsync($"GET {path} HTTP/1.1\r\n{Host}") == 200, path);
        Assert.Equal(passed.Select(p => $"GET {p} HTTP/1.1"), edge.Api.Requests);
    }

    [Theory]
    [MemberData(nameof(Nginx))]
    public async Task Backends_get_only_the_forwarding_headers_the_edge_vouches_for(string nginx)
    {
        await using var edge = await RecordedEdge.StartAsync(InstalledNginx.Get(nginx));
        var forged = string.Join("\r\n",
            "X-Forwarded-For: 1.2.3.4", "X-Forwarded-Host: evil.example", "X-Forwarded-Port: 1", "X-Forwarded-Proto: gopher",
            "Forwarded: for=1.2.3.4;host=evil.example", "X-Original-URL: /admin", "X-Rewrite-URL: /admin",
            "True-Client-IP: 1.2.3.4", "X-Client-IP: 1.2.3.4", "X-Real-IP: 1.2.3.4");
        Assert.Equal(200, await edge.StatusAsync($"GET /api/who HTTP/1.1\r\n{Host}\r\n{forged}"));
        Assert.Equal(200, await edge.StatusAsync($"GET /sse/who HTTP/1.1\r\n{Host}\r\n{forged}"));
        foreach (var head in edge.Api.Heads.Concat(edge.Sse.Heads))
        {
            var headers = Headers(head);
            Assert.Equal("127.0.0.1", headers["X-Forwarded-For"]);
            Assert.Equal("127.0.0.1", headers["X-Real-IP"]);
            Assert.Equal(LocalEdgeFixture.Host, headers["X-Forwarded-Host"]);
            Assert.Equal(edge.HttpPort.ToString(System.Globalization.CultureInfo.InvariantCulture), headers["X-Forwarded-Port"]);
            Assert.Equal("http", headers["X-Forwarded-Proto"]);
            foreach (var cleared in new[] { "Forwarded", "X-Original-URL", "X-Rewrite-URL", "True-Client-IP", "X-Client-IP" })
                Assert.False(headers.ContainsKey(cleared), $"{cleared} reached the backend");
        }
    }

    [Theory]
    [MemberData(nameof(Nginx))]
    public async Task A_backends_x_accel_redirect_is_not_followed(string nginx)
    {
        await using var edge = await RecordedEdge.StartAsync(InstalledNginx.Get(nginx), "X-Accel-Redirect: /sse/internal\r\nX-Accel-Limit-Rate: 1\r\n");
        var answer = await edge.SendAsync($"GET /api/redirect-me HTTP/1.1\r\n{Host}");
        Assert.StartsWith("HTTP/1.1 200 ", answer);
        Assert.EndsWith("\r\n\r\nok", answer);
        Assert.Empty(edge.Sse.Requests);
    }

    [Theory]
    [MemberData(nameof(Nginx))]
    public async Task Slow_uploads_from_one_address_are_capped_while_other_clients_are_served(string nginx)
    {
        await using var edge = await RecordedEdge.StartAsync(InstalledNginx.Get(nginx), "", ("apiRequestsPerClient", "3"));
        // Uploads that send their header and a few bytes of a large body, then stall, until three are held (an upload
        // nginx refuses is answered at once). nginx 1.22 has been seen to refuse an upload while fewer than three were
        // held, in about one run in four (cause not found); another upload then takes its place.
        var stalled = new List<System.Net.Sockets.Socket>();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var held = 0;
            for (var i = 0; i < 20 && held < 3; i++)
            {
                var socket = await Loopback.ConnectAsync(edge.HttpPort, from: null, timeout.Token);
                stalled.Add(socket);
                await socket.SendAsync(System.Text.Encoding.ASCII.GetBytes($"POST /api/upload-{i} HTTP/1.1\r\n{Host}\r\nContent-Length: 10000000\r\n\r\npartial"), System.Net.Sockets.SocketFlags.None, timeout.Token);
                await Task.Delay(200, timeout.Token);
                if (socket.Available == 0) held++;
            }
            Assert.Equal(3, held);
            // Once nginx has read their headers, the address is at its limit (bounded wait: the reads are asynchronous).
            var status = 0;
            for (var attempt = 0; attempt < 50 && status != 429; attempt++)
            {
                status = await edge.StatusAsync($"GET /api/fourth HTTP/1.1\r\n{Host}");
                if (status != 429) await Task.Delay(100, timeout.Token);
            }
            Assert.True(status == 429, $"the fourth request got {status}; the stalled uploads got: {string.Join(" | ", stalled.Select(Received))}\n{edge.Process.Diagnostics()}");
            // Another address is served; the streams have their own limit.
            Assert.Equal(200, await edge.StatusAsync($"GET /api/other HTTP/1.1\r\n{Host}", IPAddress.Parse("127.0.0.2")));
            Assert.Equal(200, await edge.StatusAsync($"GET /sse/x HTTP/1.1\r\n{Host}"));
            // nginx holds the bodies itself: none of the stalled uploads reached the backend.
            Assert.DoesNotContain(edge.Api.Requests, r => r.Contains("upload", StringComparison.Ordinal));
        }
        finally
        {
            foreach (var socket in stalled) socket.Dispose();
        }
    }

    // What a socket has been sent so far, without waiting.
    private static string Received(System.Net.Sockets.Socket socket)
    {
        if (socket.Available == 0) return "(nothing)";
        var buffer = new byte[Math.Min(socket.Available, 200)];
        var read = socket.Receive(buffer);
        return System.Text.Encoding.ASCII.GetString(buffer, 0, read).Split("\r\n")[0];
    }

    private static Dictionary<string, string> Headers(string head) =>
        head.Split("\r\n").Skip(1).Select(l => l.Split(':', 2)).ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
}
