using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using Microsoft.AspNetCore.Http;
using RealtimeStack.SampleBackends;

namespace RealtimeStack.Benchmark.Scale;

/// <summary>
/// A backend's broadcast: <c>/sse/fanout?retry=ms</c> holds an SSE stream (it opens with <c>retry:</c>, as the
/// sample backends do), and <see cref="SendAsync"/> writes one event to every held stream at once. The event's data
/// is the round's moment on the monotonic clock, so each client times its arrival against the send.
/// </summary>
public sealed class Fanout
{
    public const string Path = "/sse/fanout";

    /// <summary>The <c>retry:</c> a stream is sent unless <c>?retry=</c> asks for another: the sample backends' base.</summary>
    public static readonly int DefaultRetryMilliseconds = (int)SampleBackendOptions.DefaultSseRetry.TotalMilliseconds;

    private readonly ConcurrentDictionary<long, PipeWriter> _streams = new();
    private long _next;

    public int Count => _streams.Count;

    public async Task HoldAsync(HttpContext context)
    {
        var retry = long.TryParse(context.Request.Query["retry"], NumberStyles.None, CultureInfo.InvariantCulture, out var ms) ? ms : DefaultRetryMilliseconds;
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        var token = context.RequestAborted;
        var id = Interlocked.Increment(ref _next);
        try
        {
            await context.Response.WriteAsync($"retry: {retry.ToString(CultureInfo.InvariantCulture)}\n: open\n\n", token);
            await context.Response.Body.FlushAsync(token);
            _streams[id] = context.Response.BodyWriter;
            await Task.Delay(Timeout.Infinite, token);
        }
        catch (OperationCanceledException) { }
        catch (IOException) { }
        finally { _streams.TryRemove(id, out _); }
    }

    /// <summary>
    /// Writes <c>data: &lt;moment&gt;</c> to every held stream, one share of them per core at once (as a broadcasting
    /// server would); returns how many took it and how long the writes took.
    /// </summary>
    public async Task<FanoutRound> SendAsync(long moment)
    {
        var started = MonotonicClock.Now;
        var bytes = Encoding.ASCII.GetBytes($"data: {moment.ToString(CultureInfo.InvariantCulture)}\n\n");
        var writers = _streams.Values.ToArray();
        var shares = Environment.ProcessorCount;
        var sent = await Task.WhenAll(Enumerable.Range(0, shares).Select(share => Task.Run(async () =>
        {
            var pending = new List<Task>();
            var count = 0;
            for (var i = share; i < writers.Length; i += shares)
            {
                try
                {
                    var write = writers[i].WriteAsync(bytes);
                    if (!write.IsCompletedSuccessfully) pending.Add(write.AsTask());
                    count++;
                }
                catch (Exception e) when (e is InvalidOperationException or IOException or OperationCanceledException) { /* a stream closing now */ }
            }
            try { await Task.WhenAll(pending); }
            catch (Exception e) when (e is InvalidOperationException or IOException or OperationCanceledException) { }
            return count;
        })));
        return new FanoutRound(sent.Sum(), MonotonicClock.MicrosecondsSince(started));
    }
}

/// <summary>One backend's part of a broadcast round: streams written to, and the time its writes took (µs).</summary>
public sealed record FanoutRound(int Sent, double WriteMicros);
