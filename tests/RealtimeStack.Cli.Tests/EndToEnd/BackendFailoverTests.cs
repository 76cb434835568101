using System.Diagnostics;
using System.Globalization;
using System.Net;
using RealtimeStack.Cli.Tests.Support;
using RealtimeStack.Local;
using RealtimeStack.SampleBackends;
using Xunit.Abstractions;

namespace RealtimeStack.Cli.Tests.EndToEnd;

/// <summary>
/// A backend that dies, on every installed nginx: a stream pinned to it moves to the other backend on the client's
/// next reconnect without an error, an API GET is retried elsewhere, and a POST that reached a backend is never
/// sent to a second one.
/// </summary>
public sealed class BackendFailoverTests(ITestOutputHelper output)
{
    /// <summary>Time allowed beyond the stream's retry interval for nginx to fail over (a refused connect is instant;
    /// the rest is a loaded test machine).</summary>
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(3);

    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    /// <summary>The client's address: nginx pins it with hash $remote_addr.</summary>
    private static readonly IPAddress ClientAddress = IPAddress.Parse("127.0.0.2");

    [Theory]
    [MemberData(nameof(InstalledNginx.Names), MemberType = typeof(InstalledNginx))]
    public async Task A_stream_pinned_to_a_stopped_backend_reconnects_to_the_other_within_the_retry_interval(string nginx)
    {
        var backends = new List<SampleBackend>();
        try
        {
            // No spread: the stream's retry is the base, so the reconnect's timing is known.
            foreach (var id in new[] { "sse-a", "sse-b", "api-a", "api-b" })
                backends.Add(await SampleBackend.StartAsync(SampleBackendOptions.Loopback(id) with { SseRetrySpread = TimeSpan.Zero }));
            var byId = backends.ToDictionary(b => b.Options.InstanceId);
            await using var edge = await FailoverEdge.StartAsync(InstalledNginx.Get(nginx),
                api: $"{byId["api-a"].Address},{byId["api-b"].Address}",
                sse: $"{byId["sse-a"].Address},{byId["sse-b"].Address}");
            using var client = edge.Client(ClientAddress);
            using var bounded = new CancellationTokenSource(Bound * 2);

            // Like EventSource: open, read events, remember the last id and the retry interval the stream sent.
            await using var first = await SseStream.OpenAsync(client, edge.Url("/sse/failover?interval=100"), lastEventId: null, bounded.Token);
            Assert.Equal(HttpStatusCode.OK, first.Status);
            var pinned = first.Instance;
            await first.ReadEventsAsync(3, bounded.Token);
            Assert.Equal((int)byId[pinned].Options.SseRetry.TotalMilliseconds, first.RetryMs);
            var dead = byId[pinned];
            var other = pinned == "sse-a" ? "sse-b" : "sse-a";

            // The backend dies under the stream; nginx ends the client's stream (no more bytes).
            await dead.StopNowAsync();
            var ended = await first.ReadToEndAsync(Bound, bounded.Token);
            Assert.True(ended, $"the stream from {pinned} did not end within {Bound.TotalSeconds}s of its backend stopping");
            var clock = Stopwatch.StartNew();
            var lastId = first.LastId;

            // The reconnect after the retry interval, with Last-Event-ID: its first try is the dead backend (the hash
            // still maps the client there), refused at once and passed to the other, so the client sees no 502.
            await Task.Delay(first.RetryMs!.Value, bounded.Token);
            await using var second = await SseStream.OpenAsync(client, edge.Url("/sse/failover?interval=100"), lastId, bounded.Token);
            Assert.Equal(HttpStatusCode.OK, second.Status);
            Assert.Equal(other, second.Instance);
            await second.ReadEventsAsync(1, bounded.Token);
            var resumed = clock.Elapsed;
            Assert.Equal(lastId + 1, second.Ids[0]);
            output.WriteLine($"nginx {edge.Binary.Version}: pinned to {pinned}, stopped after event {lastId}; reconnect resumed at {second.Ids[0]} on {other} {resumed.TotalMilliseconds:F0} ms after the stream ended (retry {first.RetryMs} ms)");
            Assert.True(resumed < TimeSpan.FromMilliseconds(first.RetryMs.Value) + Margin,
                $"resumed {resumed.TotalMilliseconds:F0} ms after the stream ended; expected within retry {first.RetryMs} ms + {Margin.TotalSeconds}s");
            Assert.Contains($"127.0.0.1:{dead.Port}", edge.Process.ErrorLog);

            // The next reconnect goes to the live backend too.
            await using var third = await SseStream.OpenAsync(client, edge.Url("/sse/failover?interval=100"), second.Ids[0], bounded.Token);
            Assert.Equal((HttpStatusCode.OK, other), (third.Status, third.Instance));

            // An API GET during an outage: the dead backend refuses, nginx tries the other, every GET gets 200.
            await byId["api-a"].StopNowAsync();
            for (var i = 0; i < 6; i++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, edge.Url($"/api/during-outage?brief&n={i}"));
                request.Headers.ConnectionClose = true;
                using var response = await client.SendAsync(request, bounded.Token);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal("api-b", response.Headers.GetValues(SampleHeaders.Instance).Single());
            }
            Assert.Contains($"127.0.0.1:{byId["api-a"].Port}", edge.Process.ErrorLog);
        }
        finally
        {
            foreach (var backend in backends) await backend.DisposeAsync();
        }
    }

    [Theory]
    [MemberData(nameof(InstalledNginx.Names), MemberType = typeof(InstalledNginx))]
    public async Task A_post_that_reached_a_backend_is_never_sent_to_another_and_a_get_is(string nginx)
    {
        // The first server of each group takes the request in full, then closes without answering. One worker and
        // round robin make it the first choice of each group.
        await using var closer = new RecordingBackend(answer: false);
        await using var live = new RecordingBackend(answer: true);
        var servers = $"{closer.Address},{live.Address}";
        await using var edge = await FailoverEdge.StartAsync(InstalledNginx.Get(nginx), api: servers, sse: servers,
            ("workerProcesses", "1"), ("stickiness", "none"));
        using var client = edge.Client(IPAddress.Loopback);
        using var bounded = new CancellationTokenSource(Bound);

        var post = await SendAsync(HttpMethod.Post, "/api/orders?id=post-1");
        var next = await SendAsync(HttpMethod.Post, "/api/orders?id=post-2");
        var after = await SendAsync(HttpMethod.Post, "/api/orders?id=post-3");
        var get = await SendAsync(HttpMethod.Get, "/sse/stream?id=get-1");
        output.WriteLine($"nginx {edge.Binary.Version}: post-1 {(int)post}, post-2 {(int)next}, post-3 {(int)after}, get-1 {(int)get}; closer saw [{string.Join(", ", closer.Requests)}], live saw [{string.Join(", ", live.Requests)}]");

        // The POST reached the closing backend; nginx answered 502 rather than send it again.
        Assert.Equal(HttpStatusCode.BadGateway, post);
        Assert.Single(closer.Requests, r => r.Contains("id=post-1", StringComparison.Ordinal));
        Assert.DoesNotContain(live.Requests, r => r.Contains("id=post-1", StringComparison.Ordinal));
        // That failure left the closing backend out for failTimeout: round robin would give it post-3, but the next
        // POSTs go straight to the live one.
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (next, after));
        Assert.DoesNotContain(closer.Requests, r => r.Contains("id=post-2", StringComparison.Ordinal) || r.Contains("id=post-3", StringComparison.Ordinal));
        // What nginx cannot promise: a GET that reached a backend which failed before answering is sent again.
        Assert.Equal(HttpStatusCode.OK, get);
        Assert.Contains(closer.Requests, r => r.StartsWith("GET ", StringComparison.Ordinal) && r.Contains("id=get-1", StringComparison.Ordinal));
        Assert.Contains(live.Requests, r => r.StartsWith("GET ", StringComparison.Ordinal) && r.Contains("id=get-1", StringComparison.Ordinal));

        async Task<HttpStatusCode> SendAsync(HttpMethod method, string path)
        {
            using var request = new HttpRequestMessage(method, edge.Url(path));
            if (method == HttpMethod.Post) request.Content = new StringContent("{\"order\":1}");
            request.Headers.ConnectionClose = true;
            using var response = await client.SendAsync(request, bounded.Token);
            return response.StatusCode;
        }
    }

    /// <summary>nginx with the rendered configuration for the given backends, plain HTTP served (no redirect).</summary>
    private sealed class FailoverEdge : IAsyncDisposable
    {
        private readonly List<IDisposable> _owned = [];

        private FailoverEdge(NginxBinary binary, NginxProcess process, int httpPort, string directory)
        {
            Binary = binary;
            Process = process;
            HttpPort = httpPort;
            Directory = directory;
        }

        public NginxBinary Binary { get; }

        public NginxProcess Process { get; }

        public int HttpPort { get; }

        public string Directory { get; }

        public Uri Url(string pathAndQuery) => new($"http://{LocalEdgeFixture.Host}:{HttpPort}{pathAndQuery}");

        public static async Task<FailoverEdge> StartAsync(NginxBinary binary, string api, string sse, params (string, string)[] changes)
        {
            var nginx = await RecordedEdge.StartNginxAsync(binary, api, sse, sse.Split(',')[0], changes);
            return new FailoverEdge(binary, nginx.Process, nginx.HttpPort, nginx.Directory);
        }

        /// <summary>A client whose connections come from <paramref name="source"/> (a loopback address).</summary>
        public HttpClient Client(IPAddress source)
        {
            var handler = new SocketsHttpHandler
            {
                UseProxy = false,
                AllowAutoRedirect = false,
                ConnectTimeout = TimeSpan.FromSeconds(5),
                ConnectCallback = (context, token) => Loopback.StreamAsync(context.DnsEndPoint.Port, source, token),
            };
            var client = new HttpClient(handler) { Timeout = Bound };
            _owned.Add(client);
            return client;
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var owned in _owned) owned.Dispose();
            await Process.DisposeAsync();
            try { System.IO.Directory.Delete(Directory, recursive: true); }
            catch (IOException) { /* files of exiting workers; the OS cleans /tmp */ }
        }
    }

    /// <summary>One EventSource connection: status, the answering instance, the ids and the retry field it received.</summary>
    private sealed class SseStream : IAsyncDisposable
    {
        private readonly HttpResponseMessage _response;
        private readonly StreamReader _reader;

        private SseStream(HttpResponseMessage response, StreamReader reader)
        {
            _response = response;
            _reader = reader;
        }

        public HttpStatusCode Status => _response.StatusCode;

        public string Instance => _response.Headers.TryGetValues(SampleHeaders.Instance, out var v) ? v.Single() : "";

        public List<long> Ids { get; } = [];

        public long LastId => Ids[^1];

        public int? RetryMs { get; private set; }

        public static async Task<SseStream> OpenAsync(HttpClient client, Uri url, long? lastEventId, CancellationToken token)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Accept.ParseAdd("text/event-stream");
            if (lastEventId is { } id) request.Headers.Add("Last-Event-ID", id.ToString(CultureInfo.InvariantCulture));
            var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token);
            var reader = new StreamReader(await response.Content.ReadAsStreamAsync(token));
            return new SseStream(response, reader);
        }

        public async Task ReadEventsAsync(int count, CancellationToken token)
        {
            var wanted = Ids.Count + count;
            while (Ids.Count < wanted)
                if (!await ReadLineAsync(token)) throw new IOException($"the stream ended after {Ids.Count} events");
        }

        /// <summary>Reads until the stream ends (true) or <paramref name="limit"/> passes (false).</summary>
        public async Task<bool> ReadToEndAsync(TimeSpan limit, CancellationToken token)
        {
            using var bounded = CancellationTokenSource.CreateLinkedTokenSource(token);
            bounded.CancelAfter(limit);
            try
            {
                while (await ReadLineAsync(bounded.Token)) { }
                return true;
            }
            catch (OperationCanceledException) when (!token.IsCancellationRequested)
            {
                return false;
            }
        }

        // False at the end of the stream: a clean end or one nginx cut (the final chunk missing).
        private async Task<bool> ReadLineAsync(CancellationToken token)
        {
            string? line;
            try { line = await _reader.ReadLineAsync(token); }
            catch (Exception e) when (e is IOException or HttpRequestException) { return false; }
            if (line is null) return false;
            if (line.StartsWith("id: ", StringComparison.Ordinal)) Ids.Add(long.Parse(line[4..], CultureInfo.InvariantCulture));
            else if (line.StartsWith("retry: ", StringComparison.Ordinal)) RetryMs = int.Parse(line[7..], CultureInfo.InvariantCulture);
            return true;
        }

        public ValueTask DisposeAsync()
        {
            _reader.Dispose();
            _response.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
