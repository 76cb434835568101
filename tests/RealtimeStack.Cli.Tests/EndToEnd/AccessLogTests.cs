using System.Diagnostics;
using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using RealtimeStack.Cli.LocalEdges;
using RealtimeStack.Edge.Nginx;
using RealtimeStack.Cli.Tests.Support;
using Xunit.Abstractions;

namespace RealtimeStack.Cli.Tests.EndToEnd;

/// <summary>
/// The JSON access log (realtime_json) on every installed nginx: every line parses, and an API request, an SSE stream
/// and a WebSocket each get a line with their route, status and backend; a stream's line is written when it closes,
/// with request_time its lifetime.
/// </summary>
public sealed class AccessLogTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Held = TimeSpan.FromSeconds(1.5);

    public static TheoryData<string> Nginx => InstalledNginx.Names;

    [Theory]
    [MemberData(nameof(Nginx))]
    public async Task Api_sse_and_websocket_lines_parse_and_carry_route_backend_and_lifetime(string nginx)
    {
        await using var edge = await LocalEdge.StartAsync(Stacks.Minimal(("maxStreams", LocalEdgeFixture.MaxStreams)), InstalledNginx.Get(nginx));
        using var client = new EdgeClient(edge, LocalEdgeFixture.Host);
        using var http = client.HttpClient();
        using var within = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(client.Https("/api/logged"), within.Token)).StatusCode);

        // Its own connection, closed when the response is disposed (not drained for reuse, which keeps it open longer).
        var sseHandler = client.Handler();
        sseHandler.MaxResponseDrainSize = 0;
        var sseLifetime = Stopwatch.StartNew();
        using (var sseHttp = new HttpClient(sseHandler, disposeHandler: false))
        using (var sse = await sseHttp.GetAsync(client.Https("/sse/logged?interval=100"), HttpCompletionOption.ResponseHeadersRead, within.Token))
        {
            var reader = new StreamReader(await sse.Content.ReadAsStreamAsync(within.Token));
            Assert.NotNull(await reader.ReadLineAsync(within.Token));
            await Task.Delay(Held, within.Token);
        }
        sseLifetime.Stop();

        var wsLifetime = Stopwatch.StartNew();
        using (var ws = await client.WebSocketAsync("/ws/logged", within.Token))
        {
            await Task.Delay(Held, within.Token);
            await ws.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", within.Token);
        }
        wsLifetime.Stop();

        var lines = await WaitForLinesAsync(edge, ["/api/logged", "/sse/logged?interval=100", "/ws/logged"]);
        foreach (var line in lines.Values) output.WriteLine(line.GetRawText());
        Assert.All(lines.Values, line => Assert.Equal(
            AccessLogFormat.Fields.Select(f => f.Field), line.EnumerateObject().Select(p => p.Name)));

        var api = lines["/api/logged"];
        Assert.Equal("api", api.GetProperty("route").GetString());
        Assert.Equal(200, api.GetProperty("status").GetInt32());
        Assert.Equal("GET", api.GetProperty("method").GetString());
        Assert.Equal(LocalEdgeFixture.Host, api.GetProperty("host").GetString());
        Assert.Contains(api.GetProperty("upstream_addr").GetString(), edge.Backends.Where(b => b.Options.InstanceId.StartsWith("api-", StringComparison.Ordinal)).Select(b => b.Address));
        Assert.Equal("200", api.GetProperty("upstream_status").GetString());
        Assert.Equal(32, api.GetProperty("request_id").GetString()!.Length);

        var sseLine = lines["/sse/logged?interval=100"];
        Assert.Equal("sse", sseLine.GetProperty("route").GetString());
        Assert.Equal(200, sseLine.GetProperty("status").GetInt32());
        Assert.Equal(edge.Backends.Single(b => b.Options.InstanceId == "sse-1").Address, sseLine.GetProperty("upstream_addr").GetString());
        // nginx notices the closed stream at its next event (every 100 ms).
        Assert.InRange(sseLine.GetProperty("request_time").GetDouble(), Held.TotalSeconds - 0.1, sseLifetime.Elapsed.TotalSeconds + 1);
        Assert.True(sseLine.GetProperty("body_bytes_sent").GetInt64() > 0);

        var wsLine = lines["/ws/logged"];
        Assert.Equal("ws", wsLine.GetProperty("route").GetString());
        Assert.Equal(101, wsLine.GetProperty("status").GetInt32());
        Assert.Equal("101", wsLine.GetProperty("upstream_status").GetString());
        Assert.Equal(edge.Backends.Single(b => b.Options.InstanceId == "ws-1").Address, wsLine.GetProperty("upstream_addr").GetString());
        Assert.InRange(wsLine.GetProperty("request_time").GetDouble(), Held.TotalSeconds - 0.1, wsLifetime.Elapsed.TotalSeconds + 1);
    }

    /// <summary>The log's lines by request URI, once every one in <paramref name="uris"/> is there (bounded). Every
    /// line in the file must parse as JSON.</summary>
    private static async Task<Dictionary<string, JsonElement>> WaitForLinesAsync(LocalEdge edge, string[] uris)
    {
        var path = Path.Combine(edge.Directory, "logs", "access.log");
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var lines = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            if (File.Exists(path))
            {
                string text;
                using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite)) text = await new StreamReader(file).ReadToEndAsync();
                foreach (var raw in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
                {
                    var line = JsonDocument.Parse(raw).RootElement.Clone();
                    lines[line.GetProperty("uri").GetString()!] = line;
                }
            }
            if (uris.All(lines.ContainsKey)) return lines;
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"missing lines for {string.Join(", ", uris.Where(u => !lines.ContainsKey(u)))} in {path}");
            await Task.Delay(100);
        }
    }
}
