using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using RealtimeStack.Cli.LocalEdges;
using RealtimeStack.Cli.Status;
using RealtimeStack.Edge.Model;
using RealtimeStack.Edge.Nginx;
using RealtimeStack.Cli.Tests.Support;
using RealtimeStack.Local;
using Xunit.Abstractions;

namespace RealtimeStack.Cli.Tests.EndToEnd;

/// <summary>
/// The status listener (realtime:metrics, realtime:statusPort) on every installed nginx: its counters follow the
/// streams held through the edge, <c>edge status</c> reads them, it answers nothing but the status and the public
/// listeners do not answer the status.
/// </summary>
public sealed class StatusListenerTests(ITestOutputHelper output)
{
    private const int SseStreams = 20;
    private const int WebSockets = 20;

    /// <summary>Bound on waiting for the counters to follow opened or closed streams.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(30);

    public static TheoryData<string> Nginx => InstalledNginx.Names;

    // One client address holds every stream.
    private static Task<LocalEdge> StartEdgeAsync(string nginx) =>
        LocalEdge.StartAsync(Stacks.Minimal(("maxStreams", LocalEdgeFixture.MaxStreams), ("streamsPerClient", "0")), InstalledNginx.Get(nginx));

    private static Uri StatusUrl(LocalEdge edge) => StatusServer.Url(edge.Spec.Metrics);

    [Theory]
    [MemberData(nameof(Nginx))]
    public async Task Status_and_edge_status_count_held_streams_and_fall_when_they_close(string nginx)
    {
        await using var edge = await StartEdgeAsync(nginx);
        using var client = new EdgeClient(edge, LocalEdgeFixture.Host);
        var before = await ReadAsync(edge);
        Assert.Equal(0, StreamEstimate.Streams(before));

        var streams = await HeldStreams.OpenAsync(client.Handler(),
            client.Https("/sse/status?interval=500"), client.Wss("/ws/status"), SseStreams, WebSockets, concurrency: 8, rampLimit: TimeSpan.FromMinutes(1));
        try
        {
            Assert.True(streams.Held == SseStreams + WebSockets, $"held {streams.Held}; first failure: {streams.FirstFailure}");
            var held = await WaitForStreamsAsync(edge, SseStreams + WebSockets);
            output.WriteLine($"nginx {nginx}, {SseStreams} SSE + {WebSockets} WS held: {held}");
            Assert.Equal(SseStreams + WebSockets, StreamEstimate.Streams(held));

            var (code, stdout, stderr) = CommandRun.FromRoot("status", StatusUrl(edge).ToString(), "--json");
            Assert.True(code == 0, stderr);
            using var json = JsonDocument.Parse(stdout);
            Assert.Equal(SseStreams + WebSockets, json.RootElement.GetProperty("streams").GetInt64());
            Assert.Equal(SseStreams + WebSockets + 1, json.RootElement.GetProperty("writing").GetInt64());
        }
        finally
        {
            await streams.DisposeAsync();
        }
        var after = await WaitForStreamsAsync(edge, 0);
        output.WriteLine($"nginx {nginx}, after closing: {after}");
        Assert.Equal(0, StreamEstimate.Streams(after));
    }

    /// <summary>What the estimate rests on, with HTTP/2: nginx's writing counts requests, not connections, so several
    /// SSE streams on one HTTP/2 connection are each counted, while active counts the one connection.</summary>
    [Theory]
    [MemberData(nameof(Nginx))]
    public async Task Http2_sse_streams_on_one_connection_count_each_in_writing_and_once_in_active(string nginx)
    {
        await using var edge = await StartEdgeAsync(nginx);
        using var client = new EdgeClient(edge, LocalEdgeFixture.Host);
        using var http = client.HttpClient(HttpVersion.Version20);
        var responses = new List<HttpResponseMessage>();
        try
        {
            for (var i = 0; i < 5; i++)
            {
                var response = await http.GetAsync(client.Https($"/sse/h2?interval=500"), HttpCompletionOption.ResponseHeadersRead);
                Assert.Equal(new Version(2, 0), response.Version);
                responses.Add(response);
            }
            var status = await WaitForStreamsAsync(edge, 5);
            output.WriteLine($"nginx {nginx}, 5 SSE streams on one HTTP/2 connection: {status}");
            Assert.Equal(5, StreamEstimate.Streams(status));
            Assert.Equal(2, status.Active); // the HTTP/2 connection and the status request's own
        }
        finally
        {
            foreach (var response in responses) response.Dispose();
        }
    }

    [Theory]
    [MemberData(nameof(Nginx))]
    public async Task The_status_answers_only_on_its_own_port_and_only_its_path(string nginx)
    {
        await using var edge = await StartEdgeAsync(nginx);
        using var client = new EdgeClient(edge, LocalEdgeFixture.Host);
        using var plain = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        // Its own port: the status path answers, nothing else does.
        var status = await plain.GetAsync(StatusUrl(edge));
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.NotNull(StubStatus.Parse(await status.Content.ReadAsStringAsync(), out var problem));
        foreach (var other in new[] { "/", "/stub_status/", "/api/whoami", "/healthz", "/nginx_status" })
            Assert.Equal(HttpStatusCode.NotFound, (await plain.GetAsync(new Uri(StatusUrl(edge), other))).StatusCode);

        // The public listeners: the served name gets the 404 of the routes (HTTPS) or the redirect (HTTP) ...
        using var https = client.HttpClient();
        var viaHttps = await https.GetAsync(client.Https(MetricsSpec.StatusPath));
        Assert.Equal(HttpStatusCode.NotFound, viaHttps.StatusCode);
        Assert.DoesNotContain("Active connections", await viaHttps.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var viaHttp = await https.GetAsync(client.Http(MetricsSpec.StatusPath));
        Assert.Equal(HttpStatusCode.MovedPermanently, viaHttp.StatusCode);
        // ... and any other name (here the address) is closed without an answer by the catch-all server.
        var (code, _, stderr) = CommandRun.FromRoot("status", $"http://127.0.0.1:{edge.Spec.Listen.HttpPort}{MetricsSpec.StatusPath}");
        Assert.Equal(1, code);
        Assert.Contains("no answer", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Nginx))]
    public async Task Edge_status_prints_counters_rates_and_how_it_estimates_and_names_what_is_not_a_status(string nginx)
    {
        await using var edge = await StartEdgeAsync(nginx);
        var url = StatusUrl(edge).ToString();

        var (code, stdout, stderr) = CommandRun.FromRoot("status", url, "--watch", "0.2", "--samples", "3");
        Assert.True(code == 0, stderr);
        output.WriteLine(stdout);
        Assert.Equal(3, stdout.Split('\n').Count(l => l.StartsWith("edge status ", StringComparison.Ordinal)));
        Assert.Contains("writing 1, waiting 0", stdout, StringComparison.Ordinal);
        Assert.Contains("needs a second sample", stdout, StringComparison.Ordinal);
        Assert.Contains("requests/s", stdout, StringComparison.Ordinal);
        Assert.Contains("streams      ~0", stdout, StringComparison.Ordinal);
        Assert.Contains("HTTP/2", stdout, StringComparison.Ordinal);

        // --json: one object a line, the second with rates (each sample is one more request).
        (code, stdout, stderr) = CommandRun.FromRoot("status", $"http://status.test:{edge.Spec.Metrics.StatusPort}/", "--connect-to", "127.0.0.1", "--json", "--watch", "0.2", "--samples", "2");
        Assert.True(code == 0, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(2, lines.Length);
        Assert.Equal(JsonValueKind.Null, lines[0].GetProperty("rates").ValueKind);
        // Each line names how streams are counted in a few characters, not the 400-character explanation.
        Assert.All(lines, l => Assert.Equal("writing - 1", l.GetProperty("streamsFrom").GetString()));
        Assert.All(lines, l => Assert.True(l.GetRawText().Length < 400, l.GetRawText()));
        Assert.True(lines[1].GetProperty("rates").GetProperty("requestsPerSecond").GetDouble() > 0);
        Assert.True(lines[1].GetProperty("requests").GetInt64() > lines[0].GetProperty("requests").GetInt64());

        // Not the status: another path (404), and text that is not stub_status's, each named.
        (code, _, stderr) = CommandRun.FromRoot("status", new Uri(StatusUrl(edge), "/other").ToString());
        Assert.Equal(1, code);
        Assert.Contains("HTTP 404 instead of 200", stderr, StringComparison.Ordinal);
        Assert.Null(StubStatus.Parse("<html>hello</html>", out var problem));
        Assert.Contains("not nginx's stub_status text", problem, StringComparison.Ordinal);
    }

    /// <summary>
    /// What a container's exporter and a stray client each get: the status over the unix socket (mode 0666, so an
    /// exporter running as another user connects), over loopback from 127.0.0.1 only (403 from another loopback
    /// source), and no listener on any other address. After nginx is killed (as the OOM killer or Docker's stop
    /// timeout would), the socket file stays and a plain restart fails on it; the container's entrypoint
    /// (<see cref="StatusSocket.StartCommand"/>) clears it and nginx comes back.
    /// </summary>
    [Theory]
    [MemberData(nameof(Nginx))]
    public async Task The_status_answers_over_its_socket_and_loopback_only_and_a_killed_nginx_restarts_through_the_entrypoint(string nginx)
    {
        await using var edge = await StartEdgeAsync(nginx);
        var socket = NginxLayout.Local(edge.Directory).StatusSocket!;
        Assert.True(File.Exists(socket.Path), $"no socket at {socket.Path}");
        Assert.True(!OperatingSystem.IsWindows() && File.GetUnixFileMode(socket.Path).HasFlag(UnixFileMode.OtherWrite), "the socket is not writable by other users");
        Assert.Equal(HttpStatusCode.OK, await StatusCodeOverSocketAsync(socket));

        var port = edge.Spec.Metrics.StatusPort;
        using (var fromOther = new HttpClient(new SocketsHttpHandler
        {
            ConnectCallback = (_, token) => Loopback.StreamAsync(port, IPAddress.Parse("127.0.0.2"), token),
        })
        { Timeout = TimeSpan.FromSeconds(10) })
            Assert.Equal(HttpStatusCode.Forbidden, (await fromOther.GetAsync(StatusServer.Url(edge.Spec.Metrics))).StatusCode);
        using (var other = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
        {
            var refused = await Assert.ThrowsAsync<SocketException>(() => other.ConnectAsync(IPAddress.Parse("127.0.0.2"), port));
            Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
        }

        // Killed: master and workers at once, by their ids. The file stays.
        foreach (var pid in edge.Nginx.WorkerProcessIds().Prepend(edge.Nginx.ProcessId))
            Process.GetProcessById(pid).Kill();
        await WaitUntilAsync(() => edge.Nginx.HasExited && edge.Nginx.WorkerProcessIds().Count == 0);
        Assert.True(File.Exists(socket.Path), "a killed nginx removed its socket");

        var binary = InstalledNginx.Get(nginx);
        // Started as is, nginx gives up on the socket after its bind retries. It accepts on its TCP port before it
        // has bound every listener, so the start can look successful until it exits.
        string failure;
        try
        {
            await using var plain = await NginxProcess.StartAsync(binary, edge.Directory, [port]);
            await WaitUntilAsync(() => plain.HasExited);
            failure = plain.Diagnostics();
        }
        catch (InvalidOperationException e)
        {
            failure = e.Message;
        }
        Assert.Contains("Address already in use", failure, StringComparison.Ordinal);

        await using var restarted = await NginxProcess.StartAsync(binary, edge.Directory, [port], launch: socket.StartCommand);
        Assert.Equal(HttpStatusCode.OK, await StatusCodeOverSocketAsync(socket));
        Assert.Equal(HttpStatusCode.OK, (await new HttpClient().GetAsync(StatusServer.Url(edge.Spec.Metrics))).StatusCode);
    }

    private static async Task<HttpStatusCode> StatusCodeOverSocketAsync(StatusSocket socket)
    {
        using var http = new HttpClient(new SocketsHttpHandler
        {
            ConnectCallback = async (_, token) =>
            {
                var unix = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                await unix.ConnectAsync(new UnixDomainSocketEndPoint(socket.Path), token);
                return new NetworkStream(unix, ownsSocket: true);
            },
        })
        { Timeout = TimeSpan.FromSeconds(10) };
        using var response = await http.GetAsync($"http://status{MetricsSpec.StatusPath}");
        Assert.NotNull(StubStatus.Parse(await response.Content.ReadAsStringAsync(), out _));
        return response.StatusCode;
    }

    private static async Task WaitUntilAsync(Func<bool> done)
    {
        var clock = Stopwatch.StartNew();
        while (!done() && clock.Elapsed < Settle) await Task.Delay(50);
        Assert.True(done(), "timed out");
    }

    /// <summary>Local edges take a free status port as they do for http and https, so tests running side by side
    /// never collide on the default one.</summary>
    [Theory]
    [MemberData(nameof(Nginx))]
    public async Task Two_local_edges_run_side_by_side_each_with_its_own_status(string nginx)
    {
        await using var first = await StartEdgeAsync(nginx);
        await using var second = await StartEdgeAsync(nginx);
        Assert.NotEqual(first.Spec.Metrics.StatusPort, second.Spec.Metrics.StatusPort);
        Assert.Equal(0, StreamEstimate.Streams(await ReadAsync(first)));
        Assert.Equal(0, StreamEstimate.Streams(await ReadAsync(second)));
    }

    [Theory]
    [InlineData(new string[0], "the status URL is missing")]
    [InlineData(new[] { "https://127.0.0.1:8089/stub_status" }, "is not an absolute http URL")]
    [InlineData(new[] { "http://127.0.0.1:8089/stub_status", "--connect-to", "somewhere" }, "must be an IP address")]
    [InlineData(new[] { "http://127.0.0.1:8089/stub_status", "--watch", "0" }, "--watch '0' must be a number of seconds")]
    [InlineData(new[] { "http://127.0.0.1:8089/stub_status", "--samples", "0", "--watch", "1" }, "--samples '0' must be a whole number")]
    [InlineData(new[] { "http://127.0.0.1:8089/stub_status", "--samples", "3" }, "needs --watch")]
    [InlineData(new[] { "http://127.0.0.1:8089/stub_status", "--bogus" }, "unknown argument '--bogus'")]
    public void Bad_input_exits_2_naming_the_problem(string[] args, string expected)
    {
        var (code, stdout, stderr) = CommandRun.FromRoot(["status", .. args]);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
    }

    private static async Task<StubStatus> ReadAsync(LocalEdge edge)
    {
        using var reader = new StatusReader(StatusUrl(edge), null, TimeSpan.FromSeconds(5));
        return await reader.ReadAsync(CancellationToken.None);
    }

    private static Task<StubStatus> WaitForStreamsAsync(LocalEdge edge, long streams) =>
        WaitAsync(edge, s => StreamEstimate.Streams(s) == streams);

    private static async Task<StubStatus> WaitAsync(LocalEdge edge, Func<StubStatus, bool> done)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var status = await ReadAsync(edge);
            if (done(status) || clock.Elapsed > Settle) return status;
            await Task.Delay(100);
        }
    }
}
