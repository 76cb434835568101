using System.Diagnostics;
using System.Globalization;
using System.Net;
using RealtimeStack.Edge.Nginx;
using RealtimeStack.Local;

namespace RealtimeStack.Benchmark.Scale;

/// <summary>
/// The scale benchmark: many SSE streams, split over client processes (each from its own loopback addresses) and
/// backend processes, through the project's rendered configuration on a real nginx, or direct to the backends.
/// <see cref="CapacityAsync"/>, <see cref="BroadcastAsync"/> and <see cref="StormAsync"/> are its three modes.
/// </summary>
public sealed class ScaleBench(NginxBinary nginx, TextWriter log)
{
    /// <summary>Handshakes in flight at once over all client processes: enough to keep both cores busy, few enough that none waits long.</summary>
    private const int RampConcurrency = 256;

    /// <summary>Source addresses per client process: the edge hashes streams to backends by client address.</summary>
    private const int SourcesPerClient = 64;


    private static readonly TimeSpan Answer = TimeSpan.FromSeconds(60);

    /// <summary>Extra edge settings (realtime:KEY) and tree edits for a variant; empty for the project's defaults.</summary>
    public IReadOnlyList<(string Key, string Value)> Settings { get; init; } = [];

    public Func<NginxConf, NginxConf>? Adjust { get; init; }

    /// <summary>The backends' <c>retry:</c> (EventSource waits about this long before it reconnects); by default the sample backends' base.</summary>
    public int RetryMilliseconds { get; init; } = Fanout.DefaultRetryMilliseconds;

    /// <summary>Streams per HTTP/2 connection through the edge; 1 (the default) gives each its own HTTP/1.1 connection.</summary>
    public int StreamsPerConnection { get; init; } = 1;

    public async Task<CapacityFigures> CapacityAsync(ScaleSetup setup, CancellationToken token)
    {
        var backends = await StartBackendsAsync(setup.Backends);
        try
        {
            await using var edge = await StartEdgeAsync(setup, backends, []);
            await Task.Delay(TimeSpan.FromSeconds(1), token);
            var idle = edge.Memory();
            var counters = KernelCounters.Read();
            var load = MachineLoad.Start();
            var cpu = EdgeCpu(edge);
            var (fleets, ramp) = await StartFleetsAsync(setup, [EdgeEndpoint(edge)], tls: true, reconnect: false);
            ramp = ramp with { EdgeCpuMicrosPerStream = PerEvent(EdgeCpu(edge) - cpu, ramp.Held) };
            try
            {
                var rampLoad = load();
                await Task.Delay(TimeSpan.FromSeconds(2), token); // the last handshakes' buffers released
                var held = edge.Memory();
                var delta = held - idle;
                var memory = new EdgeMemory(Mib(idle.Pss), Mib(held.Pss), Mib(held.Rss), PerThousand(delta.Pss, ramp.Held), PerThousand(delta.Rss, ramp.Held));
                log.WriteLine($"[capacity] nginx {Mib(held.Pss):F0} MiB PSS held, {memory.PssMibPer1000:F2} MiB per 1,000 streams; one broadcast to every stream");
                var hold = await BroadcastRoundsAsync(backends, fleets, rounds: 1, edge, token);
                return new CapacityFigures(setup, SettingsOf(edge), StreamsPerConnection, ramp, hold, memory, KernelCounters.Read() - counters, rampLoad, Complaints(edge));
            }
            finally { await StopAllAsync(fleets); }
        }
        finally { await StopAllAsync(backends.Select(b => b.Child)); }
    }

    public async Task<BroadcastComparison> BroadcastAsync(ScaleSetup setup, int rounds, CancellationToken token)
    {
        var backends = await StartBackendsAsync(setup.Backends);
        try
        {
            log.WriteLine($"[broadcast] direct: {setup.Streams} streams to {setup.Backends} backends");
            var (direct, directRamp, directLoad) = await BroadcastSideAsync(setup, backends, [.. backends.Select(b => new IPEndPoint(IPAddress.Loopback, b.Port))], edge: null, rounds, token);
            await Task.Delay(TimeSpan.FromSeconds(3), token);
            await using var edge = await StartEdgeAsync(setup, backends, []);
            log.WriteLine($"[broadcast] through the edge: {setup.Streams} streams, {setup.Workers} workers");
            var (viaEdge, edgeRamp, edgeLoad) = await BroadcastSideAsync(setup, backends, [EdgeEndpoint(edge)], edge, rounds, token);
            return new BroadcastComparison(setup, SettingsOf(edge), directRamp, direct, directLoad, edgeRamp, viaEdge, edgeLoad);
        }
        finally { await StopAllAsync(backends.Select(b => b.Child)); }
    }

    private async Task<(BroadcastFigures, RampFigures, MachineLoad)> BroadcastSideAsync(
        ScaleSetup setup, IReadOnlyList<Backend> backends, IReadOnlyList<IPEndPoint> targets, RunningEdge? edge, int rounds, CancellationToken token)
    {
        var (fleets, ramp) = await StartFleetsAsync(setup, targets, tls: edge is not null, reconnect: false);
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(2), token);
            var load = MachineLoad.Start();
            var figures = await BroadcastRoundsAsync(backends, fleets, rounds, edge, token);
            return (figures, ramp, load());
        }
        finally { await StopAllAsync(fleets); }
    }

    /// <summary>
    /// Cuts every held stream at once: a reload, with the workers' shutdown timeout short so the old workers close
    /// their streams soon after it, as they do when a real timeout ends. The clients reconnect as EventSource does.
    /// </summary>
    public async Task<StormFigures> StormAsync(ScaleSetup setup, string variant, TimeSpan deadline, CancellationToken token)
    {
        var backends = await StartBackendsAsync(setup.Backends);
        try
        {
            await using var edge = await StartEdgeAsync(setup, backends, [("workerShutdownTimeout", "5s")]);
            var (fleets, ramp) = await StartFleetsAsync(setup, [EdgeEndpoint(edge)], tls: true, reconnect: true);
            try
            {
                await Task.WhenAll(fleets.Select(f => f.AskAsync<FleetMarked>("mark", Answer)));
                var counters = KernelCounters.Read();
                var load = MachineLoad.Start();
                var before = StormCpu(edge, backends, fleets);
                log.WriteLine($"[storm] {ramp.Held} streams held; reload, the old workers cut them 5 s later");
                edge.Nginx.Reload();
                var started = Stopwatch.StartNew();
                var timeline = new List<TimelinePoint>();
                FleetStorm[] states;
                while (true)
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), token);
                    states = await Task.WhenAll(fleets.Select(f => f.AskAsync<FleetStorm>("storm", Answer)));
                    int ended = states.Sum(s => s.Ended), returned = states.Sum(s => s.Back), up = states.Sum(s => s.Up), gaveUp = states.Sum(s => s.GaveUp);
                    if (started.Elapsed.Seconds % 5 == 0) log.WriteLine($"[storm]   {started.Elapsed.TotalSeconds:F0} s: {ended} cut, {returned} back, {up} up, {gaveUp} gave up");
                    var settled = ended >= ramp.Held && returned + gaveUp >= ended;
                    if (settled || started.Elapsed > deadline) break;
                }
                var cutAt = states.SelectMany(s => s.EndedAt).DefaultIfEmpty(0).Min();
                var backAfterCut = states.SelectMany(s => s.BackAt.Where(t => t > 0)).Select(t => Ms(t - cutAt)).ToArray();
                var outages = states.SelectMany(s => s.EndedAt.Zip(s.BackAt).Where(p => p.Second > 0).Select(p => Ms(p.Second - p.First))).ToArray();
                for (var seconds = 5; seconds <= deadline.TotalSeconds; seconds += 5)
                    timeline.Add(new TimelinePoint(seconds, backAfterCut.Count(ms => ms <= seconds * 1000)));
                var cut = states.Sum(s => s.Ended);
                var back = states.Sum(s => s.Back);
                var gave = states.Sum(s => s.GaveUp);
                var after = StormCpu(edge, backends, fleets);
                var reconnectCpu = back == 0 ? null : new ReconnectCpu(
                    Per(after.Nginx - before.Nginx, back), Per(after.Backends - before.Backends, back), Per(after.Clients - before.Clients, back));
                return new StormFigures(setup, SettingsOf(edge), variant, ramp, cut, back, gave, cut - back - gave,
                    backAfterCut.Length == cut && cut > 0 ? Math.Round(backAfterCut.Max() / 1000, 1) : double.NaN, reconnectCpu,
                    Percentiles.Of(outages), Percentiles.Of(backAfterCut), timeline,
                    Percentiles.Of([.. states.SelectMany(s => s.Attempts).Select(a => (double)a)]),
                    Merge(states.Select(s => s.Errors)), Merge(states.Select(s => s.Ends)), KernelCounters.Read() - counters, load(), Complaints(edge));
            }
            finally { await StopAllAsync(fleets); }
        }
        finally { await StopAllAsync(backends.Select(b => b.Child)); }
    }

    private sealed record Backend(BenchChild Child, int Port);

    private static async Task<IReadOnlyList<Backend>> StartBackendsAsync(int count) =>
        await Task.WhenAll(Enumerable.Range(0, count).Select(async _ =>
        {
            var child = BenchChild.Start(["--role", "backend"]);
            return new Backend(child, (await child.ReadAsync<BackendPort>(Answer)).Port);
        }));

    private Task<RunningEdge> StartEdgeAsync(ScaleSetup setup, IReadOnlyList<Backend> backends, IEnumerable<(string Key, string Value)> run) =>
        RunningEdge.ProjectAsync(nginx, [.. backends.Select(b => b.Port)], setup.Streams, "scale",
            [("workerProcesses", setup.Workers.ToString(CultureInfo.InvariantCulture)), .. run, .. Settings], Adjust);

    private static IPEndPoint EdgeEndpoint(RunningEdge edge) => new(IPAddress.Loopback, edge.Target.Http.Port);

    private async Task<(IReadOnlyList<BenchChild> Fleets, RampFigures Ramp)> StartFleetsAsync(ScaleSetup setup, IReadOnlyList<IPEndPoint> targets, bool tls, bool reconnect)
    {
        var rampLimit = TimeSpan.FromSeconds(Math.Min(3600, 120 + setup.Streams / 50));
        var concurrency = Math.Max(4, RampConcurrency / setup.Clients);
        var fleets = Enumerable.Range(0, setup.Clients).Select(p =>
        {
            var share = setup.Streams / setup.Clients + (p < setup.Streams % setup.Clients ? 1 : 0);
            // Process p's clients are 127.(p+1).0.1 and up: loopback, so no address has to be configured.
            var options = new FleetOptions(targets, tls, $"{Fanout.Path}?retry={RetryMilliseconds}", share, new IPAddress([127, (byte)(p + 1), 0, 1]), SourcesPerClient, concurrency, rampLimit, reconnect,
                tls ? StreamsPerConnection : 1);
            return BenchChild.Start(options.ToArgs());
        }).ToArray();
        log.WriteLine($"[scale] ramping {setup.Streams} streams from {setup.Clients} client processes, {concurrency} handshakes each at a time");
        var ramps = await Task.WhenAll(fleets.Select(f => f.ReadAsync<FleetRamp>(rampLimit + TimeSpan.FromMinutes(2))));
        var seconds = ramps.Max(r => r.RampSeconds);
        var held = ramps.Sum(r => r.Held);
        var figures = new RampFigures(setup.Streams, held, ramps.Sum(r => r.Failed), Merge(ramps.Select(r => r.Errors)), Math.Round(seconds, 1), Math.Round(held / seconds, 0));
        log.WriteLine($"[scale]   held {held}, failed {figures.Failed} in {seconds:F1} s ({figures.PerSecond} a second){Describe(figures.Errors)}");
        return (fleets, figures);
    }

    /// <summary>Every backend sends one event to all its streams at the same moment, once a second; each client times every arrival against it.</summary>
    private async Task<BroadcastFigures> BroadcastRoundsAsync(IReadOnlyList<Backend> backends, IReadOnlyList<BenchChild> fleets, int rounds, RunningEdge? edge, CancellationToken token)
    {
        var cpu = edge is null ? 0 : EdgeCpu(edge);
        await Task.WhenAll(fleets.Select(f => f.AskAsync<FleetMarked>("mark", Answer)));
        long sent = 0;
        double writeMax = 0;
        var second = Stopwatch.Frequency;
        for (var round = 0; round < rounds; round++)
        {
            var moment = (MonotonicClock.Now / second + 2) * second; // a whole second, at least one ahead
            var answers = await Task.WhenAll(backends.Select(b => b.Child.AskAsync<FanoutRound>($"at {moment.ToString(CultureInfo.InvariantCulture)}", Answer)));
            sent += answers.Sum(a => a.Sent);
            writeMax = Math.Max(writeMax, answers.Max(a => a.WriteMicros) / 1000);
        }
        await StragglersAsync(fleets, sent, token);
        var edgeCpu = edge is null ? 0 : EdgeCpu(edge) - cpu;
        var arrivals = await Task.WhenAll(fleets.Select(f => f.AskAsync<FleetArrivals>("arrivals", Answer)));
        var byRound = arrivals.SelectMany(a => a.Rounds).GroupBy(r => r.Key, r => r.Value).ToArray();
        var all = byRound.SelectMany(g => g.SelectMany(v => v)).Select(v => (double)v).ToArray();
        var last = byRound.Select(g => (double)g.SelectMany(v => v).Max()).ToArray();
        var figures = new BroadcastFigures(rounds, arrivals.Sum(a => a.Up), arrivals.Sum(a => a.Alive), sent, all.Length, Percentiles.Of(all), Percentiles.Of(last), Math.Round(writeMax, 1),
            edge is null ? null : PerEvent(edgeCpu, all.Length));
        log.WriteLine($"[scale]   {rounds} rounds: {figures.Received} of {sent} events, arrival p50 {figures.Arrival.P50 / 1000:F1} ms p99 {figures.Arrival.P99 / 1000:F1} ms, last subscriber max {figures.LastSubscriber.Max / 1000:F1} ms; {figures.Alive} of {figures.Up} streams alive");
        return figures;
    }

    /// <summary>Waits until every event sent has arrived, or until no more arrive for 5 s (2 minutes at most).</summary>
    private static async Task StragglersAsync(IReadOnlyList<BenchChild> fleets, long sent, CancellationToken token)
    {
        var limit = Stopwatch.StartNew();
        var (last, quiet) = (-1L, Stopwatch.StartNew());
        while (limit.Elapsed < TimeSpan.FromMinutes(2) && quiet.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500), token);
            var received = (await Task.WhenAll(fleets.Select(f => f.AskAsync<FleetReceived>("received", Answer)))).Sum(r => r.Events);
            if (received >= sent) return;
            if (received != last) (last, quiet) = (received, Stopwatch.StartNew());
        }
    }

    private static async Task StopAllAsync(IEnumerable<BenchChild> children) =>
        await Task.WhenAll(children.Select(async c => await c.DisposeAsync()));

    private static EdgeSettings SettingsOf(RunningEdge edge)
    {
        var conf = edge.Conf!;
        string Main(string name) => string.Join(' ', conf.Main.Single(d => d.Name == name).Args);
        return new EdgeSettings(
            Main("worker_processes"), string.Join(' ', conf.Main.Single(d => d.Name == "events").Children("worker_connections").Single().Args), Main("worker_rlimit_nofile"),
            string.Join(' ', TlsListen(conf).Args), string.Join(' ', conf.Http.Children("client_header_timeout").Single().Args), Main("worker_shutdown_timeout"));
    }

    // The HTTPS listen that carries the socket options (the catch-all server's when there is one).
    private static Directive TlsListen(NginxConf conf)
    {
        var tls = conf.TlsServer.Children("listen").Single();
        return conf.Servers.SelectMany(s => s.Children("listen")).FirstOrDefault(l => l.Args[0] == tls.Args[0] && l.Args.Contains("reuseport")) ?? tls;
    }

    private static IReadOnlyList<string> Complaints(RunningEdge edge) => NginxErrorLog.Summary(edge.Nginx.ErrorLog, most: 10);

    private static Dictionary<string, int> Merge(IEnumerable<Dictionary<string, int>> counts) =>
        counts.SelectMany(c => c).GroupBy(c => c.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(c => c.Value), StringComparer.Ordinal);

    private static string Describe(Dictionary<string, int> errors) =>
        errors.Count == 0 ? "" : "; " + string.Join(", ", errors.OrderByDescending(e => e.Value).Select(e => $"{e.Key} ×{e.Value}"));

    // Master and workers; a reload's old workers count while they run and, once they exit, as the master's reaped children.
    private static double EdgeCpu(RunningEdge edge) => ProcessCpu.Microseconds(edge.Nginx.WorkerProcessIds()) + ProcessCpu.WithReapedChildren(edge.Nginx.ProcessId);

    /// <summary>CPU time so far (µs) of nginx, the backend processes and the client processes.</summary>
    private static (double Nginx, double Backends, double Clients) StormCpu(RunningEdge edge, IEnumerable<Backend> backends, IEnumerable<BenchChild> fleets) =>
        (EdgeCpu(edge), ProcessCpu.Microseconds(backends.Select(b => b.Child.ProcessId)), ProcessCpu.Microseconds(fleets.Select(f => f.ProcessId)));

    private static double? PerEvent(double micros, long events) => events == 0 ? null : Per(micros, events);

    private static double Per(double micros, long count) => Math.Round(micros / count, 1);

    private static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    private static double Mib(long kib) => Math.Round(kib / 1024.0, 1);

    private static double PerThousand(long kib, int held) => held == 0 ? double.NaN : Math.Round(kib / 1024.0 / held * 1000, 2);
}
