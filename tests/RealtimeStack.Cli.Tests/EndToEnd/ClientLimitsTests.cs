using RealtimeStack.Local;
using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Authentication;
using System.Text;
using RealtimeStack.Cli.Tests.Support;

namespace RealtimeStack.Cli.Tests.EndToEnd;

/// <summary>
/// What one client may take, on real nginx (every installed one): names the edge does not serve get nothing, paths
/// outside the routes get 404 from nginx itself, streams per client address and API requests per client address are
/// capped with 429, and a client that trickles its header is closed. The edge runs small limits
/// (<see cref="ClientLimitsFixture"/>); a second client is a socket bound to another loopback address.
/// </summary>
public sealed class ClientLimitsTests(ClientLimitsFixture fixture) : IClassFixture<ClientLimitsFixture>
{
    public static TheoryData<string> Nginx => InstalledNginx.Names;

    private const string Served = "edge.test";
    private const string Unknown = "other.test";
    private static readonly IPAddress SecondClient = IPAddress.Parse("127.0.0.2");
    private static readonly IPAddress Http2Client = IPAddress.Parse("127.0.0.3");

    private static CancellationToken Within(int seconds) => new CancellationTokenSource(TimeSpan.FromSeconds(seconds)).Token;

    [Theory]
    [MemberData(nameof(Nginx))]
    public async Task Plain_http_for_an_unknown_host_is_closed_without_an_answer(string nginx)
    {
        var edge = await fixture.For(nginx);
        var port = edge.Spec.Listen.HttpPort;

        Assert.Equal("", await PlainExchangeAsync(port, $"GET /sse/chat HTTP/1.1\r\nHost: {Unknown}\r\n\r\n"));
        Assert.Equal("", await PlainExchangeAsync(port, "GET /sse/chat HTTP/1.0\r\n\r\n"));
        // The served name still gets its redirect, and health checks (which probe by address) their 204.
        Assert.StartsWith("HTTP/1.1 301", await PlainExchangeAsync(port, $"GET /sse/chat HTTP/1.1\r\nHost: {Served}\r\nConnection: close\r\n\r\n"));
        foreach (var host in new[] { "127.0.0.1", "localhost", Served })
            Assert.StartsWith("HTTP/1.1 204", await PlainExchangeAsync(port, $"GET /healthz HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"));
    }

    [Theory]
    [MemberData(nameof(Nginx))]
    public async Task Tls_handshakes_for_other_names_fail_and_the_served_name_works(string nginx)
    {
        var edge = await fixture.For(nginx);
        var port = edge.Spec.Listen.HttpsPort;

        // An unknown SNI name, and none at all (an address as the target sends no SNI).
        foreach (var sni in new[] { Unknown, "127.0.0.1" })
        {
            using var socket = await ConnectAsync(port);
            await using var tls = new SslStream(new NetworkStream(socket, ownsSocket: false));
            var failure = await Record.ExceptionAsync(() => tls.AuthenticateAsClientAsync(TlsOptions(sni), Within(10)));
            Assert.True(failure is AuthenticationException or IOException, $"handshake with SNI '{sni}': {failure?.GetType().Name ?? "succeeded"}");
        }

        using (var socket = await ConnectAsync(port))
        await using (var tls = new SslStream(new NetworkStream(socket, ownsSocket: false)))
        {
            await tls.AuthenticateAsClientAsync(TlsOptions(Served), Within(10));
            Assert.StartsWith("HTTP/1.1 404", await ExchangeAsync(tls, $"GET /nothing HTTP/1.1\r\nHost: {Served}\r\nConnection: close\r\n\r\n"));
        }

        // The served name as SNI but another Host: nginx picks the request's server by Host, the catch-all closes.
        using (var socket = await ConnectAsync(port))
        await using (var tls = new SslStream(new NetworkStream(socket, ownsSocket: false)))
        {
            await tls.AuthenticateAsClientAsync(TlsOptions(Served), Within(10));
            Assert.Equal("", await ExchangeAsync(tls, $"GET /sse/chat HTTP/1.1\r\nHost: {Unknown}\r\n\r\n"));
        }
    }

    [Theory]
    [MemberData(nameof(Nginx))]
    public async Task Paths_outside_the_routes_answer_404_without_touching_the_disk(string nginx)
    {
        var edge = await fixture.For(nginx);
        using var client = new EdgeClient(edge, Served);
        using var http = client.HttpClient();
        foreach (var path in new[] { "/", "/index.html", "/favicon.ico", "/nothing/deeper?x=1", "/apix" })
        {
            using var response = await http.GetAsync(client.Https(path), Within(10));
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
        }
        var errorLog = await File.ReadAllTextAsync(Path.Combine(edge.Directory, "logs", "error.log"));
        Assert.DoesNotContain("open()", errorLog);
    }

    [Theory]
    [MemberData(nameof(Nginx))]
    public async Task A_client_over_its_stream_limit_gets_429_while_another_address_connects(string nginx)
    {
        var edge = await fixture.For(nginx);
        using var first = new EdgeClient(edge, Served);
        using var second = new EdgeClient(edge, Served, from: SecondClient);
        var held = new List<IDisposable>();
        try
        {
            // SSE and WebSocket count in one zone: 2 + 1 fill a limit of 3.
            var http = first.HttpClient();
            held.Add(await OpenSseAsync(http, first, HttpStatusCode.OK));
            held.Add(await OpenSseAsync(http, first, HttpStatusCode.OK));
            held.Add(await first.WebSocketAsync("/ws/echo", Within(10)));
            Assert.Equal(ClientLimitsFixture.StreamsPerClient, held.Count);

            using (await OpenSseAsync(http, first, HttpStatusCode.TooManyRequests)) { }
            var refused = await Assert.ThrowsAsync<WebSocketException>(() => first.WebSocketAsync("/ws/echo", Within(10)));
            Assert.Contains("429", refused.Message);

            // Another client address is not affected.
            held.Add(await OpenSseAsync(second.HttpClient(), second, HttpStatusCode.OK));
            held.Add(await second.WebSocketAsync("/ws/echo", Within(10)));

            // A stream that ends frees its place (nginx notices the close; bounded wait).
            held[0].Dispose();
            held.RemoveAt(0);
            var deadline = Stopwatch.StartNew();
            HttpStatusCode status;
            do
            {
                using var again = await SendSseAsync(http, first);
                status = again.StatusCode;
                if (status == HttpStatusCode.OK) break;
                await Task.Delay(200);
            }
            while (deadline.Elapsed < TimeSpan.FromSeconds(15));
            Assert.Equal(HttpStatusCode.OK, status);
        }
        finally
        {
            foreach (var stream in held) stream.Dispose();
        }
    }

    [Theory]
    [MemberData(nameof(Nginx))]
    public async Task Over_http2_each_stream_counts_against_the_limit(string nginx)
    {
        var edge = await fixture.For(nginx);
        using var client = new EdgeClient(edge, Served, from: Http2Client);
        var http = client.HttpClient(HttpVersion.Version20);
        var held = new List<HttpResponseMessage>();
        try
        {
            for (var i = 0; i < ClientLimitsFixture.StreamsPerClient; i++)
                held.Add(await OpenSseAsync(http, client, HttpStatusCode.OK));
            Assert.All(held, r => Assert.Equal(HttpVersion.Version20, r.Version));
            using var over = await OpenSseAsync(http, client, HttpStatusCode.TooManyRequests);
        }
        finally
        {
            foreach (var response in held) response.Dispose();
        }
    }

    [Theory]
    [MemberData(nameof(Nginx))]
    public async Task Api_requests_over_rate_and_burst_get_429(string nginx)
    {
        var edge = await fixture.For(nginx);
        using var first = new EdgeClient(edge, Served);
        using var second = new EdgeClient(edge, Served, from: SecondClient);
        var http = first.HttpClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++)
        {
            using var response = await http.GetAsync(first.Https("/api/whoami"), Within(10));
            statuses.Add(response.StatusCode);
        }
        // 6r/m refills one request every 10 s: the first and the burst of 5 pass at once (nodelay), then 429s
        // (one more may pass if the run straddles a refill on a slow machine).
        Assert.All(statuses.Take(1 + ClientLimitsFixture.ApiBurst), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.True(statuses.Count(s => s == HttpStatusCode.TooManyRequests) >= 20 - ClientLimitsFixture.ApiBurst - 2, string.Join(",", statuses.Select(s => (int)s)));
        Assert.All(statuses, s => Assert.Contains(s, new[] { HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));

        using var other = await second.HttpClient().GetAsync(second.Https("/api/whoami"), Within(10));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Nginx))]
    public async Task A_client_that_trickles_its_header_is_closed_after_the_header_timeout(string nginx)
    {
        var edge = await fixture.For(nginx);
        // nginx times the header from the moment it accepts the connection, so the clock starts before connecting.
        var waited = Stopwatch.StartNew();
        using var socket = await ConnectAsync(edge.Spec.Listen.HttpPort);
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET /healthz HTTP/1.1\r\nHost: {Served}\r\n"), Within(5));
        // Bounded: well past the 2 s timeout, and short of nginx's 60 s default.
        var answer = await ReadToCloseAsync(stream, TimeSpan.FromSeconds(20));
        waited.Stop();
        Assert.True(answer.Closed, "nginx kept the half-sent request open for 20 s");
        Assert.Equal("", answer.Text);
        Assert.InRange(waited.Elapsed, ClientLimitsFixture.HeaderTimeout - TimeSpan.FromMilliseconds(500), ClientLimitsFixture.HeaderTimeout + TimeSpan.FromSeconds(5));
    }

    private static SslClientAuthenticationOptions TlsOptions(string targetHost) => new()
    {
        TargetHost = targetHost,
        // Trust does not matter here; what is tested is whether a handshake completes at all.
        RemoteCertificateValidationCallback = (_, _, _, _) => true,
        ApplicationProtocols = [SslApplicationProtocol.Http11],
    };

    private static Task<HttpResponseMessage> SendSseAsync(HttpClient http, EdgeClient client) =>
        http.GetAsync(client.Https("/sse/limits?interval=200"), HttpCompletionOption.ResponseHeadersRead, Within(10));

    private static async Task<HttpResponseMessage> OpenSseAsync(HttpClient http, EdgeClient client, HttpStatusCode expected)
    {
        var response = await SendSseAsync(http, client);
        if (response.StatusCode != expected)
        {
            response.Dispose();
            Assert.Fail($"SSE stream answered {(int)response.StatusCode}, expected {(int)expected}");
        }
        return response;
    }

    private static Task<Socket> ConnectAsync(int port) => Loopback.ConnectAsync(port, from: null, Within(5));

    /// <summary>Sends a request on a new plain connection and returns all the edge answered before it closed.</summary>
    private static async Task<string> PlainExchangeAsync(int port, string request)
    {
        using var socket = await ConnectAsync(port);
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        return await ExchangeAsync(stream, request);
    }

    private static async Task<string> ExchangeAsync(Stream stream, string request)
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), Within(5));
        var answer = await ReadToCloseAsync(stream, TimeSpan.FromSeconds(10));
        Assert.True(answer.Closed, $"the edge did not close within 10 s; answered: {answer.Text}");
        return answer.Text;
    }

    /// <summary>Reads until the peer closes (end of stream or reset) or <paramref name="limit"/> passes.</summary>
    private static async Task<(string Text, bool Closed)> ReadToCloseAsync(Stream stream, TimeSpan limit)
    {
        var text = new StringBuilder();
        var buffer = new byte[4096];
        using var within = new CancellationTokenSource(limit);
        try
        {
            while (true)
            {
                var read = await stream.ReadAsync(buffer, within.Token);
                if (read == 0) return (text.ToString(), true);
                text.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }
        }
        catch (OperationCanceledException) { return (text.ToString(), false); }
        catch (IOException) { return (text.ToString(), true); }
    }
}
