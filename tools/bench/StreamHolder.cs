using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text.Json;

namespace RealtimeStack.Benchmark;

/// <summary>
/// The child process that holds streams (so that its sockets do not count against the orchestrator's open-files
/// limit). It ramps to the counts, reports JSON on stdout, then obeys stdin: "mark" (remember now), "check"
/// (count streams alive since the mark), anything else or EOF (close everything and exit).
/// </summary>
public sealed class StreamHolder
{
    private readonly HoldOptions _options;
    private readonly SocketsHttpHandler _handler = Clients.Handler();
    private readonly ConcurrentBag<SseStream> _sse = [];
    private readonly ConcurrentBag<ClientWebSocket> _ws = [];
    private readonly CancellationTokenSource _stop = new();
    private int _failed;
    private string? _firstFailure;

    private StreamHolder(HoldOptions options) => _options = options;

    private sealed class SseStream
    {
        public long LastData;
        public bool Ended;
    }

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var holder = new StreamHolder(HoldOptions.Parse(args));
        return await holder.RunAsync();
    }

    private async Task<int> RunAsync()
    {
        var started = Stopwatch.StartNew();
        using var ramp = new CancellationTokenSource(_options.RampLimit);
        var jobs = Enumerable.Repeat(true, _options.Sse).Concat(Enumerable.Repeat(false, _options.Ws)).ToArray();
        var next = -1;
        var workers = Enumerable.Range(0, _options.Concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < jobs.Length && !ramp.IsCancellationRequested)
            {
                // Past a few hundred failures the edge is saturated: stop hammering it.
                if (Volatile.Read(ref _failed) > 200) return;
                try
                {
                    if (jobs[i]) await OpenSse(ramp.Token);
                    else await OpenWs(ramp.Token);
                }
                catch (Exception e)
                {
                    if (Interlocked.Increment(ref _failed) == 1) _firstFailure = Describe(e);
                }
            }
        }).ToArray();
        await Task.WhenAll(workers);
        var report = new HoldReport(_sse.Count + _ws.Count, _failed, _firstFailure, started.Elapsed.TotalSeconds);
        Console.WriteLine(JsonSerializer.Serialize(report));
        Console.Out.Flush();

        long mark = MonotonicClock.Now;
        while (await Console.In.ReadLineAsync() is { } command)
        {
            if (command == "mark") mark = MonotonicClock.Now;
            else if (command == "check")
            {
                var aliveSse = _sse.Count(s => !s.Ended && Volatile.Read(ref s.LastData) > mark);
                var aliveWs = await CountAliveWs();
                Console.WriteLine(JsonSerializer.Serialize(report with { AliveSse = aliveSse, AliveWs = aliveWs }));
                Console.Out.Flush();
            }
            else break;
        }
        _stop.Cancel();
        foreach (var ws in _ws) ws.Abort();
        _handler.Dispose();
        return 0;
    }

    private async Task OpenSse(CancellationToken ramp)
    {
        var http = Clients.Http(_handler);
        var request = new HttpRequestMessage(HttpMethod.Get, _options.SseUrl) { Version = new Version(1, 1) };
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ramp);
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"HTTP {(int)response.StatusCode}");
        var stream = await response.Content.ReadAsStreamAsync(ramp);
        var reader = new StreamReader(stream);
        // The backend writes ": open" at once; seeing it proves the stream is end to end.
        var first = await reader.ReadLineAsync(ramp).AsTask().WaitAsync(TimeSpan.FromSeconds(10), ramp);
        if (first is null) throw new IOException("SSE stream closed before its first line");
        var state = new SseStream { LastData = MonotonicClock.Now };
        _sse.Add(state);
        _ = Task.Run(async () =>
        {
            try
            {
                while (await reader.ReadLineAsync(_stop.Token) is { } line)
                    if (line.StartsWith("data: ", StringComparison.Ordinal)) Volatile.Write(ref state.LastData, MonotonicClock.Now);
            }
            catch (Exception) { }
            state.Ended = true;
            response.Dispose();
        });
    }

    private async Task OpenWs(CancellationToken ramp)
    {
        var invoker = new HttpMessageInvoker(_handler, disposeHandler: false);
        var socket = await Clients.WebSocketAsync(_options.WsUrl!, invoker, ramp);
        _ws.Add(socket);
    }

    private async Task<int> CountAliveWs()
    {
        var alive = 0;
        var payload = new byte[] { 1, 2, 3, 4 };
        await Parallel.ForEachAsync(_ws, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (socket, _) =>
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await socket.SendAsync(payload, WebSocketMessageType.Binary, true, timeout.Token);
                var buffer = new byte[64];
                var result = await socket.ReceiveAsync(buffer, timeout.Token);
                if (result.MessageType == WebSocketMessageType.Binary && result.Count == payload.Length) Interlocked.Increment(ref alive);
            }
            catch (Exception) { }
        });
        return alive;
    }

    private static string Describe(Exception e)
    {
        var inner = e;
        while (inner.InnerException is not null) inner = inner.InnerException;
        var kind = inner switch
        {
            System.Net.Sockets.SocketException s => $"socket {s.SocketErrorCode}",
            TimeoutException or OperationCanceledException => "timeout",
            _ => inner.GetType().Name,
        };
        return $"{kind}: {inner.Message}";
    }
}
