using System.Globalization;
using RealtimeStack.Edge.Nginx;
using RealtimeStack.Local;

namespace RealtimeStack.Benchmark;

/// <summary>One configuration to measure: settings (realtime:KEY=VALUE) and/or directive edits of the rendered tree.</summary>
public sealed record MemoryVariant(string Name, IReadOnlyList<(string Key, string Value)> Settings, IReadOnlyList<Func<NginxConf, NginxConf>> Edits)
{
    public static MemoryVariant Of(string name, params Func<NginxConf, NginxConf>[] edits) => new(name, [], edits);

    public static MemoryVariant Setting(string name, string key, string value) => new(name, [(key, value)], []);

    public NginxConf Apply(NginxConf conf) => Edits.Aggregate(conf, (c, edit) => edit(c));
}

/// <summary>The memory of one variant: per 1,000 idle SSE and WebSocket streams, deltas over the idle edge.</summary>
public sealed record MemoryResult(string Variant, int SseHeld, NginxMemory SsePer1000, int WsHeld, NginxMemory WsPer1000);

/// <summary>
/// <c>--memory</c>: holds N idle TLS streams (SSE, then WebSocket, each on a fresh nginx) through the project's
/// configuration changed one setting at a time, and reports nginx's memory per 1,000 streams as the difference to
/// the same nginx before any stream (so fixed costs such as the preallocated connection array are excluded).
/// </summary>
public sealed class MemoryProbe(int streams, int maxStreams, TextWriter log)
{
    private const int Concurrency = 64;
    private static readonly TimeSpan RampLimit = TimeSpan.FromMinutes(2);

    /// <summary>The project's configuration, then one change each (names say what differs from it).</summary>
    public static IReadOnlyList<MemoryVariant> Candidates { get; } =
    [
        MemoryVariant.Of("project default"),
        MemoryVariant.Setting("streamBufferSize 4k (nginx's default page)", "streamBufferSize", "4k"),
        MemoryVariant.Setting("streamBufferSize 2k", "streamBufferSize", "2k"),
        MemoryVariant.Setting("tlsBufferSize 1k", "tlsBufferSize", "1k"),
        MemoryVariant.Setting("tlsBufferSize 16k (nginx's default)", "tlsBufferSize", "16k"),
        MemoryVariant.Of("request_pool_size 1k", ConfEdit.Set("server", "request_pool_size", "1k")),
        MemoryVariant.Of("client_header_buffer_size 512", ConfEdit.Set("server", "client_header_buffer_size", "512")),
        MemoryVariant.Of("connection_pool_size 256", ConfEdit.Set("server", "connection_pool_size", "256")),
        MemoryVariant.Setting("tlsSessionCache 0 (no session cache)", "tlsSessionCache", "0"),
        MemoryVariant.Of("ssl_session_tickets off", ConfEdit.Set("server", "ssl_session_tickets", "off")),
        MemoryVariant.Setting("tlsProtocols TLSv1.2 only", "tlsProtocols", "TLSv1.2"),
    ];

    public async Task<IReadOnlyList<MemoryResult>> RunAsync(IEnumerable<MemoryVariant> variants, CancellationToken token)
    {
        var nginx = NginxBinary.Locate();
        await using var backend = await BenchBackend.StartAsync();
        var results = new List<MemoryResult>();
        foreach (var variant in variants)
        {
            var (sseHeld, sse) = await HoldAsync(nginx, backend.Port, variant, sse: true, token);
            var (wsHeld, ws) = await HoldAsync(nginx, backend.Port, variant, sse: false, token);
            var result = new MemoryResult(variant.Name, sseHeld, sse, wsHeld, ws);
            log.WriteLine($"[memory] {variant.Name}: SSE {sseHeld} held, {Mib(sse.Pss)} MiB PSS per 1,000; WS {wsHeld} held, {Mib(ws.Pss)} MiB");
            results.Add(result);
        }
        return results;
    }

    private async Task<(int Held, NginxMemory Per1000)> HoldAsync(NginxBinary nginx, int backendPort, MemoryVariant variant, bool sse, CancellationToken token)
    {
        await using var edge = await RunningEdge.ProjectAsync(nginx, backendPort, maxStreams, variant.Name, variant.Settings, variant.Apply);
        await Task.Delay(TimeSpan.FromSeconds(1), token); // workers up and settled
        var before = edge.Memory();
        // REALTIME_HEAPTRACK=PREFIX: heaptrack records one worker's allocations from here until it exits (after the
        // reload below), into PREFIX-sse.zst / PREFIX-ws.zst; heaptrack_print --print-peaks shows who holds what.
        System.Diagnostics.Process? heaptrack = null;
        if (Environment.GetEnvironmentVariable("REALTIME_HEAPTRACK") is { Length: > 0 } output)
        {
            var info = new System.Diagnostics.ProcessStartInfo("heaptrack") { UseShellExecute = false };
            foreach (var a in new[] { "-o", output + (sse ? "-sse" : "-ws"), "-p", edge.Nginx.WorkerProcessIds()[0].ToString(CultureInfo.InvariantCulture) }) info.ArgumentList.Add(a);
            heaptrack = System.Diagnostics.Process.Start(info);
            await Task.Delay(TimeSpan.FromSeconds(5), token); // attached before the first stream
        }
        var target = edge.Target;
        var options = new HoldOptions(
            sse ? target.Sse("/sse/idle?interval=60000") : null,
            sse ? null : target.WebSocket("/ws/idle"),
            sse ? streams : 0, sse ? 0 : streams, Concurrency, RampLimit);
        await using var holder = BenchChild.Start(options.ToArgs());
        var report = await holder.ReadAsync<HoldReport>(RampLimit + TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(2), token); // the last handshakes' and upgrades' buffers released
        var delta = edge.Memory() - before;
        if (Environment.GetEnvironmentVariable("REALTIME_MALLOC_STATS") == "1") MallocStats(edge);
        await holder.SendAsync("quit");
        if (report.FirstFailure is { } failure) log.WriteLine($"[memory] {variant.Name} {(sse ? "SSE" : "WS")}: {report.Failed} failed, first: {failure}");
        if (heaptrack is not null)
        {
            await Task.Delay(TimeSpan.FromSeconds(3), token); // streams closed
            edge.Nginx.Reload(); // the traced worker exits, and heaptrack writes its file
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await heaptrack.WaitForExitAsync(wait.Token);
            heaptrack.Dispose();
        }
        var held = Math.Max(report.Held, 1);
        NginxMemory Scale(NginxMemory m) => new(m.Pss * 1000 / held, m.PrivateDirty * 1000 / held, m.Rss * 1000 / held, m.HeapPss * 1000 / held, m.SharedPss * 1000 / held, m.FilePss * 1000 / held);
        return (report.Held, Scale(delta));
    }

    /// <summary>REALTIME_MALLOC_STATS=1: glibc's malloc_stats() of each worker (bytes in use vs. obtained from the
    /// system, which tells live memory from fragmentation), called through gdb; it prints to nginx's stderr.</summary>
    private void MallocStats(RunningEdge edge)
    {
        foreach (var pid in edge.Nginx.WorkerProcessIds())
        {
            var info = new System.Diagnostics.ProcessStartInfo("gdb") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { "-p", pid.ToString(CultureInfo.InvariantCulture), "-batch", "-ex", "call (void)malloc_stats()" }) info.ArgumentList.Add(a);
            using var gdb = System.Diagnostics.Process.Start(info)!;
            gdb.StandardOutput.ReadToEnd();
            gdb.WaitForExit();
        }
        Thread.Sleep(500);
        log.WriteLine(string.Join('\n', edge.Nginx.Diagnostics().Split('\n').Where(l => l.Contains("bytes", StringComparison.Ordinal) || l.StartsWith("Arena", StringComparison.Ordinal))));
    }

    public static string Table(IReadOnlyList<MemoryResult> results, int streams)
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine($"nginx memory per 1,000 idle TLS streams (MiB; delta over the idle edge, {streams} streams held; PSS = heap + shared + files)");
        text.AppendLine();
        text.AppendLine("| variant | SSE PSS | SSE heap | SSE shared | SSE Private_Dirty | WS PSS | WS heap | WS shared | WS Private_Dirty |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var r in results)
            text.AppendLine($"| {r.Variant} | {Mib(r.SsePer1000.Pss)} | {Mib(r.SsePer1000.HeapPss)} | {Mib(r.SsePer1000.SharedPss)} | {Mib(r.SsePer1000.PrivateDirty)} | {Mib(r.WsPer1000.Pss)} | {Mib(r.WsPer1000.HeapPss)} | {Mib(r.WsPer1000.SharedPss)} | {Mib(r.WsPer1000.PrivateDirty)} |");
        return text.ToString();
    }

    private static string Mib(long kib) => (kib / 1024.0).ToString("0.00", CultureInfo.InvariantCulture);
}
