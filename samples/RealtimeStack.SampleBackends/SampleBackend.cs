using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace RealtimeStack.SampleBackends;

/// <summary>
/// One sample backend on Kestrel serving all three roles:
/// <list type="bullet">
/// <item><c>/api/…</c>: JSON with the instance, path, received headers and the client port nginx connected from
/// (equal ports on two calls prove upstream keepalive); <c>?size=N</c> pads the body; <c>?brief</c> answers only the
/// instance; POST counts the body.</item>
/// <item><c>/sse/…</c>: <c>text/event-stream</c>, <c>id:</c>, <c>retry:</c> (each stream its own, see
/// <see cref="SampleBackendOptions.SseRetrySpread"/>), <c>data: &lt;unix ms&gt;</c> every
/// interval, honouring <c>Last-Event-ID</c>; <c>?interval=ms</c>, <c>?count=N</c>. Never sends X-Accel-Buffering.</item>
/// <item><c>/ws/…</c>: WebSocket, "connected" then "echo: &lt;msg&gt;" for each message.</item>
/// <item><c>/healthz</c>: 200 for probes.</item>
/// </list>
/// </summary>
public sealed class SampleBackend : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SampleBackend(WebApplication app, SampleBackendOptions options, int port)
    {
        _app = app;
        Options = options;
        Port = port;
    }

    public SampleBackendOptions Options { get; }

    public int Port { get; }

    public string Address => $"127.0.0.1:{Port}";

    /// <summary>Cancelled when the backend begins to stop (SIGTERM, SIGINT, or disposal): streams end on it.</summary>
    public CancellationToken Stopping => _app.Lifetime.ApplicationStopping;

    public static async Task<SampleBackend> StartAsync(SampleBackendOptions options, CancellationToken cancellation = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(options.BindAddress, options.Port);
            k.Limits.MaxRequestBodySize = 256L * 1024 * 1024;
        });
        var app = builder.Build();
        Map(app, options);
        await app.StartAsync(cancellation);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address.Replace("0.0.0.0", "127.0.0.1").Replace("[::]", "127.0.0.1")).Port;
        return new SampleBackend(app, options, port);
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }

    /// <summary>Stops like a crashed process: the listener closes and every open connection (streams included) is
    /// aborted at once, with no graceful wait. Dispose afterwards as usual.</summary>
    public async Task StopNowAsync()
    {
        using var now = new CancellationTokenSource();
        await now.CancelAsync();
        try { await _app.StopAsync(now.Token); }
        catch (OperationCanceledException) { /* the wait for requests was skipped, as asked */ }
    }

    private static void Map(WebApplication app, SampleBackendOptions options)
    {
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = options.WebSocketKeepAlive });
        app.Use(async (context, next) =>
        {
            Describe(context, options);
            await next(context);
        });
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.Map("/api/{**path}", (HttpContext context) => Api(context, options));
        var stopping = app.Lifetime.ApplicationStopping;
        app.MapGet("/sse/{**path}", (HttpContext context) => Sse(context, options, stopping));
        app.Map("/ws/{**path}", (HttpContext context) => WebSocketEcho(context, stopping));
    }

    private static void Describe(HttpContext context, SampleBackendOptions options)
    {
        var headers = context.Response.Headers;
        headers[SampleHeaders.Instance] = options.InstanceId;
        foreach (var name in SampleHeaders.Echoed)
            headers[SampleHeaders.SeenPrefix + name] = context.Request.Headers.TryGetValue(name, out var value) ? value.ToString() : "";
        headers[SampleHeaders.UpstreamPort] = context.Connection.RemotePort.ToString(CultureInfo.InvariantCulture);
    }

    private static async Task Api(HttpContext context, SampleBackendOptions options)
    {
        long received = 0;
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            var buffer = new byte[64 * 1024];
            int read;
            while ((read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted)) > 0) received += read;
        }
        if (context.Request.Query.ContainsKey("brief"))
        {
            await WriteJson(context, new Dictionary<string, object?> { ["instance"] = options.InstanceId });
            return;
        }
        var size = int.TryParse(context.Request.Query["size"], NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? Math.Clamp(s, 0, 10 * 1024 * 1024) : 0;
        var reply = new Dictionary<string, object?>
        {
            ["instance"] = options.InstanceId,
            ["method"] = context.Request.Method,
            ["path"] = context.Request.Path.Value,
            ["query"] = context.Request.QueryString.Value,
            ["received"] = received,
            ["clientPort"] = context.Connection.RemotePort,
            ["headers"] = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString()),
            ["padding"] = new string('x', size),
        };
        await WriteJson(context, reply);
    }

    // With a Content-Length, nginx's gzip_min_length can tell small bodies from large ones (chunked ones it always compresses).
    private static async Task WriteJson(HttpContext context, Dictionary<string, object?> body)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body);
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    /// <summary>The retry: a stopping backend gives its SSE clients, so they come back soon, to another instance.</summary>
    public const int StoppingRetryMilliseconds = 1000;

    private static async Task Sse(HttpContext context, SampleBackendOptions options, CancellationToken stopping)
    {
        var query = context.Request.Query;
        var interval = int.TryParse(query["interval"], NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? TimeSpan.FromMilliseconds(Math.Clamp(ms, 10, 3_600_000))
            : options.SseInterval;
        long? remaining = long.TryParse(query["count"], NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : null;
        var id = long.TryParse(context.Request.Headers["Last-Event-ID"], NumberStyles.None, CultureInfo.InvariantCulture, out var last) ? last + 1 : 1;

        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        // ?headerPad=N adds an N-byte header (not X-Pad: nginx hides that one by default), as a backend with large cookies would (tests the edge's stream buffer).
        if (int.TryParse(query["headerPad"], NumberStyles.None, CultureInfo.InvariantCulture, out var pad) && pad > 0)
            context.Response.Headers["X-Padding"] = new string('p', Math.Min(pad, 64 * 1024));
        context.Response.Headers.Connection = "keep-alive";
        await context.Response.WriteAsync($"retry: {options.NextRetryMilliseconds().ToString(CultureInfo.InvariantCulture)}\n\n", context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        var token = linked.Token;
        var nextEvent = DateTime.UtcNow + interval;
        var nextBeat = DateTime.UtcNow + options.SseHeartbeat;
        try
        {
            while (!token.IsCancellationRequested && remaining is null or > 0)
            {
                var now = DateTime.UtcNow;
                var wake = nextEvent < nextBeat ? nextEvent : nextBeat;
                // Whole milliseconds, rounded up: a shorter delay completes at once and the loop would spin.
                if (wake > now) await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling((wake - now).TotalMilliseconds)), token);
                if (DateTime.UtcNow >= nextEvent)
                {
                    var stamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                    await context.Response.WriteAsync($"id: {id}\ndata: {stamp}\n\n", token);
                    id++;
                    if (remaining is not null) remaining--;
                    nextEvent += interval;
                    nextBeat = DateTime.UtcNow + options.SseHeartbeat;
                }
                else if (DateTime.UtcNow >= nextBeat)
                {
                    await context.Response.WriteAsync(": ping\n\n", token);
                    nextBeat = DateTime.UtcNow + options.SseHeartbeat;
                }
                else
                {
                    continue; // woke before either was due (timer granularity): wait again, write nothing
                }
                await context.Response.Body.FlushAsync(token);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested && !context.RequestAborted.IsCancellationRequested)
        {
            // Stopping: tell the client when to reconnect, then end the stream, so a graceful stop is quick.
            try
            {
                await context.Response.WriteAsync($"retry: {StoppingRetryMilliseconds}\n\n", context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
            }
            catch (Exception e) when (e is OperationCanceledException or IOException) { /* the client went away meanwhile */ }
        }
        catch (OperationCanceledException) { /* the client went away */ }
    }

    private static async Task GoAwayAsync(WebSocket socket)
    {
        try
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.EndpointUnavailable, "stopping", CancellationToken.None);
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or InvalidOperationException) { /* already closed */ }
        socket.Abort();
    }

    private static async Task WebSocketEcho(HttpContext context, CancellationToken stopping)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status426UpgradeRequired;
            await context.Response.WriteAsync("WebSocket upgrade required\n", stopping);
            return;
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var token = context.RequestAborted;
        // Stopping: close with 1001 (going away), so the client reconnects elsewhere; a client that does not answer the
        // close within half a second is cut, so the stop stays quick.
        using var goingAway = stopping.Register(() => _ = GoAwayAsync(socket));
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes("connected"), WebSocketMessageType.Text, true, token);
            var buffer = new byte[64 * 1024];
            while (socket.State == WebSocketState.Open)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer, token);
                    message.Write(buffer, 0, result.Count);
                } while (!result.EndOfMessage && message.Length < 1024 * 1024);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    // The client's answer to our own close (stopping) needs none back.
                    if (socket.State == WebSocketState.CloseReceived)
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", token);
                    break;
                }
                var reply = result.MessageType == WebSocketMessageType.Text
                    ? Encoding.UTF8.GetBytes("echo: " + Encoding.UTF8.GetString(message.ToArray()))
                    : message.ToArray();
                await socket.SendAsync(reply, result.MessageType, true, token);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException) { /* peer went away */ }
    }
}
