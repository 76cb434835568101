using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;

namespace RealtimeStack.Local;

/// <summary>
/// Many long-lived SSE streams and WebSockets held open at once through an edge, and whether each still delivers:
/// an SSE stream counts when a <c>data:</c> line arrived after a given moment, a WebSocket when a binary message
/// sent now comes back unchanged. Works with any backend that echoes binary WebSocket messages (text messages,
/// such as a greeting, are skipped). The handler is the caller's and is not disposed here.
/// </summary>
public sealed class HeldStreams : IAsyncDisposable
{
    /// <summary>Past this many failures the edge is saturated: opening more only hammers it.</summary>
    public const int GiveUpAfterFailures = 200;

    private readonly HttpMessageHandler _handler;
    private readonly ConcurrentBag<SseStream> _sse = [];
    private readonly ConcurrentBag<ClientWebSocket> _ws = [];
    private readonly CancellationTokenSource _stop = new();
    private int _failed;
    private string? _firstFailure;

    private HeldStreams(HttpMessageHandler handler) => _handler = handler;

    private sealed class SseStream(HttpResponseMessage response)
    {
        public HttpResponseMessage Response { get; } = response;
        public long LastData = Stopwatch.GetTimestamp();
        public volatile bool Ended;
    }

    public int HeldSse => _sse.Count;

    public int HeldWs => _ws.Count;

    public int Held => HeldSse + HeldWs;

    public int Failed => Volatile.Read(ref _failed);

    public string? FirstFailure => _firstFailure;

    public TimeSpan RampTime { get; private set; }

    /// <summary>
    /// Opens <paramref name="sse"/> streams of <paramref name="sseUrl"/> and <paramref name="ws"/> WebSockets to
    /// <paramref name="wsUrl"/>, <paramref name="concurrency"/> at a time, for at most <paramref name="rampLimit"/>.
    /// Failures are counted, not thrown: <see cref="Held"/> says how many opened.
    /// </summary>
    public static async Task<HeldStreams> OpenAsync(
        HttpMessageHandler handler, Uri? sseUrl, Uri? wsUrl, int sse, int ws, int concurrency, TimeSpan rampLimit)
    {
        var held = new HeldStreams(handler);
        var started = Stopwatch.StartNew();
        using var ramp = new CancellationTokenSource(rampLimit);
        var jobs = Enumerable.Repeat(true, sse).Concat(Enumerable.Repeat(false, ws)).ToArray();
        var next = -1;
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < jobs.Length && !ramp.IsCancellationRequested)
            {
                if (held.Failed > GiveUpAfterFailures) return;
                try
                {
                    if (jobs[i]) await held.OpenSse(sseUrl!, ramp.Token);
                    else await held.OpenWs(wsUrl!, ramp.Token);
                }
                catch (Exception e)
                {
                    if (Interlocked.Increment(ref held._failed) == 1) held._firstFailure = Describe(e);
                }
            }
        }).ToArray();
        await Task.WhenAll(workers);
        held.RampTime = started.Elapsed;
        return held;
    }

    /// <summary>SSE streams still open that received a <c>data:</c> line after <paramref name="timestamp"/> (<see cref="Stopwatch.GetTimestamp"/>).</summary>
    public int SseDeliveringSince(long timestamp) => _sse.Count(s => !s.Ended && Volatile.Read(ref s.LastData) > timestamp);

    /// <summary>SSE streams that have ended (closed by either side or failed).</summary>
    public int SseEnded => _sse.Count(s => s.Ended);

    /// <summary>WebSockets that echo a binary message sent now within <paramref name="timeout"/> (5 s by default).</summary>
    public async Task<int> WsEchoingAsync(TimeSpan? timeout = null)
    {
        var alive = 0;
        var payload = Guid.NewGuid().ToByteArray();
        await Parallel.ForEachAsync(_ws, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (socket, _) =>
        {
            try
            {
                using var within = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(5));
                await socket.SendAsync(payload, WebSocketMessageType.Binary, true, within.Token);
                var buffer = new byte[256];
                while (true)
                {
                    var result = await socket.ReceiveAsync(buffer, within.Token);
                    if (result.MessageType == WebSocketMessageType.Close) return;
                    if (result.MessageType != WebSocketMessageType.Binary) continue;
                    if (result.EndOfMessage && buffer.AsSpan(0, result.Count).SequenceEqual(payload)) Interlocked.Increment(ref alive);
                    return;
                }
            }
            catch (Exception) { /* a lost or stuck socket is what is being counted */ }
        });
        return alive;
    }

    private async Task OpenSse(Uri url, CancellationToken ramp)
    {
        var http = new HttpClient(_handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        using var request = new HttpRequestMessage(HttpMethod.Get, url) { Version = new Version(1, 1) };
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ramp);
        try
        {
            if (!response.IsSuccessStatusCode) throw new HttpRequestException($"HTTP {(int)response.StatusCode}");
            var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ramp));
            // The backends write a line at once; seeing it proves the stream is end to end.
            if (await reader.ReadLineAsync(ramp).AsTask().WaitAsync(TimeSpan.FromSeconds(10), ramp) is null)
                throw new IOException("SSE stream closed before its first line");
            var state = new SseStream(response);
            _sse.Add(state);
            _ = Task.Run(async () =>
            {
                try
                {
                    while (await reader.ReadLineAsync(_stop.Token) is { } line)
                        if (line.StartsWith("data: ", StringComparison.Ordinal)) Volatile.Write(ref state.LastData, Stopwatch.GetTimestamp());
                }
                catch (Exception) { /* ended: counted below */ }
                state.Ended = true;
                response.Dispose();
            }, _stop.Token);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private async Task OpenWs(Uri url, CancellationToken ramp)
    {
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        socket.Options.SetBuffer(4096, 4096);
        try
        {
            await socket.ConnectAsync(url, new HttpMessageInvoker(_handler, disposeHandler: false), ramp);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        _ws.Add(socket);
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

    /// <summary>Closes everything at once (aborts, no close handshakes: thousands of them would only slow teardown).</summary>
    public ValueTask DisposeAsync()
    {
        _stop.Cancel();
        foreach (var socket in _ws)
        {
            socket.Abort();
            socket.Dispose();
        }
        foreach (var stream in _sse) stream.Response.Dispose();
        return ValueTask.CompletedTask;
    }
}
