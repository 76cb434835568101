using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;

namespace RealtimeStack.Benchmark;

/// <summary>Delivery latency of SSE events (backend write → client receipt) and WebSocket echo round trips.</summary>
public static class LatencyProbe
{
    public static async Task<Percentiles> SseAsync(Target target, int events, CancellationToken token)
    {
        using var handler = Clients.Handler();
        using var http = Clients.Http(handler);
        // Warm up: connection, TLS, JIT; these events are not counted.
        await ReadEvents(http, target.Sse("/sse/warm?count=20&interval=2"), 20, null, token);
        var samples = new List<double>(events);
        await ReadEvents(http, target.Sse($"/sse/lat?count={events}&interval=1"), events, samples, token);
        return Percentiles.Of(samples);
    }

    private static async Task ReadEvents(HttpClient http, Uri uri, int count, List<double>? samples, CancellationToken token)
    {
        using var response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, token);
        response.EnsureSuccessStatusCode();
        var seen = 0;
        await foreach (var data in Clients.SseDataAsync(await response.Content.ReadAsStreamAsync(token), token))
        {
            samples?.Add(MonotonicClock.MicrosecondsSince(long.Parse(data, CultureInfo.InvariantCulture)));
            if (++seen == count) break;
        }
        if (seen < count) throw new InvalidOperationException($"SSE stream from {uri} ended after {seen} of {count} events");
    }

    public static async Task<Percentiles> WebSocketEchoAsync(Target target, int messages, CancellationToken token)
    {
        using var handler = Clients.Handler();
        using var invoker = new HttpMessageInvoker(handler);
        using var socket = await Clients.WebSocketAsync(target.WebSocket("/ws/echo"), invoker, token);
        var payload = new byte[32];
        var buffer = new byte[1024];
        var samples = new List<double>(messages);
        for (var i = -200; i < messages; i++) // the first 200 warm up
        {
            var start = Stopwatch.GetTimestamp();
            await socket.SendAsync(payload, WebSocketMessageType.Binary, true, token);
            var received = 0;
            while (received < payload.Length)
            {
                var result = await socket.ReceiveAsync(buffer.AsMemory(received), token);
                if (result.MessageType == WebSocketMessageType.Close) throw new InvalidOperationException("WebSocket closed during the echo test");
                received += result.Count;
            }
            if (i >= 0) samples.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
        }
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, token);
        return Percentiles.Of(samples);
    }
}
