using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using RealtimeStack.Local;

namespace RealtimeStack.Benchmark.Scale;

/// <summary>
/// The SSE streams of one client process (<see cref="FleetOptions"/>): ramps them open, reads every event and times
/// its arrival against the send moment it carries, and, when asked to, reconnects ended streams as EventSource does.
/// </summary>
public sealed class Fleet : IDisposable
{
    /// <summary>
    /// The longest wait the backoff grows to; a stream's own <c>retry:</c> above it is waited in full, as EventSource
    /// does (a cap below it would undo what the server asked for).
    /// </summary>
    private const int MaxBackoffMilliseconds = 30_000;

    /// <summary>One attempt (connect, handshake, headers, first line) is abandoned after this.</summary>
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(30);

    private readonly FleetOptions _options;
    private readonly Subscriber[] _streams;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, int> _errors = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _ends = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, ConcurrentBag<int>> _arrivals = new();
    private readonly ConcurrentDictionary<int, HttpClient> _shared = new();
    private long _mark = MonotonicClock.Now;

    private sealed class Subscriber(int index)
    {
        public readonly int Index = index;
        public volatile bool Up;
        public volatile bool GaveUp;
        public long LastEvent;
        public long EndedAt;
        public long BackAt;
        public int Attempts;
        public int Retry = Fanout.DefaultRetryMilliseconds;
    }

    private Fleet(FleetOptions options)
    {
        _options = options;
        _streams = [.. Enumerable.Range(0, options.Streams).Select(i => new Subscriber(i))];
    }

    /// <summary>
    /// Opens every stream, <see cref="FleetOptions.Concurrency"/> at a time, within the ramp limit and until
    /// <see cref="HeldStreams.GiveUpAfterFailures"/> opens failed (the edge is saturated); a failed open is counted, not retried.
    /// </summary>
    public static async Task<(Fleet Fleet, FleetRamp Ramp)> RampAsync(FleetOptions options)
    {
        var fleet = new Fleet(options);
        var started = Stopwatch.StartNew();
        using var ramp = new CancellationTokenSource(options.RampLimit);
        var next = -1;
        var failed = 0;
        await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < fleet._streams.Length && !ramp.IsCancellationRequested && Volatile.Read(ref failed) <= HeldStreams.GiveUpAfterFailures)
            {
                if (!await fleet.TryOpenAsync(fleet._streams[i], ramp.Token)) Interlocked.Increment(ref failed);
            }
        }));
        var ramped = new FleetRamp(fleet._streams.Count(s => s.Up), failed, new(fleet._errors), started.Elapsed.TotalSeconds);
        fleet._errors.Clear();
        return (fleet, ramped);
    }

    /// <summary>From now on: arrivals, errors, ends and reconnections are counted afresh.</summary>
    public void Mark()
    {
        _arrivals.Clear();
        _errors.Clear();
        _ends.Clear();
        foreach (var s in _streams)
        {
            Volatile.Write(ref s.EndedAt, 0);
            Volatile.Write(ref s.BackAt, 0);
            Volatile.Write(ref s.Attempts, 0);
        }
        Volatile.Write(ref _mark, MonotonicClock.Now);
    }

    /// <summary>Events received since the mark.</summary>
    public long Received => _arrivals.Values.Sum(r => (long)r.Count);

    public FleetArrivals Arrivals()
    {
        var mark = Volatile.Read(ref _mark);
        return new FleetArrivals(
            _streams.Count(s => s.Up),
            _streams.Count(s => s.Up && Volatile.Read(ref s.LastEvent) > mark),
            _arrivals.ToDictionary(r => r.Key.ToString(CultureInfo.InvariantCulture), r => r.Value.ToArray(), StringComparer.Ordinal));
    }

    public FleetStorm Storm()
    {
        var ended = _streams.Where(s => Volatile.Read(ref s.EndedAt) > 0).ToArray();
        return new FleetStorm(
            _streams.Count(s => s.Up), ended.Length, ended.Count(s => Volatile.Read(ref s.BackAt) > 0), _streams.Count(s => s.GaveUp),
            new(_errors), new(_ends),
            [.. ended.Select(s => Volatile.Read(ref s.EndedAt))], [.. ended.Select(s => Volatile.Read(ref s.BackAt))], [.. ended.Select(s => Volatile.Read(ref s.Attempts))]);
    }

    private async Task<bool> TryOpenAsync(Subscriber stream, CancellationToken token)
    {
        try
        {
            var connection = _options.StreamsPerConnection > 1
                ? await SseConnection.OpenSharedAsync(Shared(stream.Index / _options.StreamsPerConnection), new Uri($"https://{FleetOptions.ServerName}{_options.Path}"), AttemptTimeout, token)
                : await SseConnection.OpenAsync(_options.Targets[stream.Index % _options.Targets.Count], _options.Source(stream.Index), _options.Tls, _options.Path, AttemptTimeout, token);
            stream.Retry = connection.Retry ?? stream.Retry;
            stream.Up = true;
            _ = Task.Run(() => ReadAsync(stream, connection), CancellationToken.None);
            return true;
        }
        catch (FleetException e)
        {
            _errors.AddOrUpdate(e.Message, 1, (_, n) => n + 1);
            if (e.GivesUp) stream.GaveUp = true;
            return false;
        }
    }

    /// <summary>The HTTP/2 client of one group of streams: one connection, from the group's own source address.</summary>
    private HttpClient Shared(int group) => _shared.GetOrAdd(group, g =>
    {
        var target = _options.Targets[g % _options.Targets.Count];
        var source = _options.Source(g);
        // The bench's handler (any certificate, no proxy, no pool expiry), with one HTTP/2 connection from the group's address.
        var handler = Clients.Handler();
        handler.EnableMultipleHttp2Connections = false;
        handler.PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan;
        handler.ConnectCallback = (_, token) => Loopback.StreamAsync(target, source, token);
        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    });

    private async Task ReadAsync(Subscriber stream, SseConnection connection)
    {
        string end;
        try
        {
            while (await connection.ReadLineAsync(_stop.Token) is { } line)
            {
                if (line.StartsWith("data: ", StringComparison.Ordinal) && long.TryParse(line.AsSpan(6), NumberStyles.None, CultureInfo.InvariantCulture, out var sent))
                {
                    var now = MonotonicClock.Now;
                    Volatile.Write(ref stream.LastEvent, now);
                    _arrivals.GetOrAdd(sent, _ => []).Add((int)((now - sent) * 1_000_000 / Stopwatch.Frequency));
                }
            }
            end = "eof";
        }
        catch (Exception e)
        {
            end = SseConnection.Kind("stream", e, _stop.IsCancellationRequested);
        }
        finally
        {
            stream.Up = false;
            await connection.DisposeAsync();
        }
        if (_stop.IsCancellationRequested) return;
        _ends.AddOrUpdate(end, 1, (_, n) => n + 1);
        Interlocked.CompareExchange(ref stream.EndedAt, MonotonicClock.Now, 0);
        if (_options.Reconnect) await ReconnectAsync(stream);
    }

    /// <summary>EventSource's reconnection: wait, try, and on failure wait longer (exponential, full jitter); an HTTP error ends it for good.</summary>
    private async Task ReconnectAsync(Subscriber stream)
    {
        for (var attempt = 0; !_stop.IsCancellationRequested; attempt++)
        {
            var ceiling = (int)Math.Min(Math.Max(MaxBackoffMilliseconds, stream.Retry), (long)stream.Retry << Math.Min(attempt, 10));
            try { await Task.Delay(Random.Shared.Next(ceiling + 1), _stop.Token); }
            catch (OperationCanceledException) { return; }
            Interlocked.Increment(ref stream.Attempts);
            if (await TryOpenAsync(stream, _stop.Token))
            {
                Interlocked.CompareExchange(ref stream.BackAt, MonotonicClock.Now, 0);
                return;
            }
            if (stream.GaveUp) return;
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        foreach (var client in _shared.Values) client.Dispose();
        _stop.Dispose();
    }
}
