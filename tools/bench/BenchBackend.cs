using System.Globalization;
using System.Net;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RealtimeStack.Benchmark;

/// <summary>
/// A lean backend for measuring the edge, not the app: <c>/sse/…?count=N&amp;interval=ms&amp;beat=ms</c> writes
/// <c>data: &lt;monotonic ticks&gt;</c> events, <c>/ws/…</c> echoes every message at once, <see cref="Scale.Fanout.Path"/>
/// holds streams for broadcasts. No logging, no buffering.
/// </summary>
public sealed class BenchBackend : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BenchBackend(WebApplication app, int port, Scale.Fanout fanout)
    {
        _app = app;
        Port = port;
        Fanout = fanout;
    }

    public int Port { get; }

    /// <summary>The streams of <see cref="Scale.Fanout.Path"/>, which the scale benchmark broadcasts to.</summary>
    public Scale.Fanout Fanout { get; }

    public static async Task<BenchBackend> StartAsync(int port = 0)
    {
        var fanout = new Scale.Fanout();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, port);
            k.Limits.MaxConcurrentConnections = null;
            k.Limits.MaxConcurrentUpgradedConnections = null;
        });
        var app = builder.Build();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.Zero });
        app.MapGet(Scale.Fanout.Path, fanout.HoldAsync);
        app.MapGet("/sse/{**path}", Sse);
        app.Map("/ws/{**path}", Echo);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new BenchBackend(app, new Uri(address).Port, fanout);
    }

    private static async Task Sse(HttpContext context)
    {
        var query = context.Request.Query;
        var count = Number(query["count"], long.MaxValue);
        var interval = TimeSpan.FromMilliseconds(Number(query["interval"], 1000));
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        var token = context.RequestAborted;
        try
        {
            await context.Response.WriteAsync(": open\n\n", token);
            await context.Response.Body.FlushAsync(token);
            using var timer = new PeriodicTimer(interval);
            for (long i = 0; i < count && await timer.WaitForNextTickAsync(token); i++)
            {
                await context.Response.WriteAsync($"data: {MonotonicClock.Now.ToString(CultureInfo.InvariantCulture)}\n\n", token);
                await context.Response.Body.FlushAsync(token);
            }
        }
        catch (OperationCanceledException) { }
        catch (IOException) { }
    }

    private static async Task Echo(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 426;
            return;
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, context.RequestAborted);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                    return;
                }
                await socket.SendAsync(buffer.AsMemory(0, result.Count), result.MessageType, result.EndOfMessage, context.RequestAborted);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException) { }
    }

    private static long Number(string? raw, long fallback) =>
        long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : fallback;

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try { await _app.StopAsync(stop.Token); }
        catch (OperationCanceledException) { }
        await _app.DisposeAsync();
    }
}
