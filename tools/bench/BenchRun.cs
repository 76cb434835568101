using RealtimeStack.Local;

namespace RealtimeStack.Benchmark;

/// <summary>
/// Runs every measurement on A (direct), B (the project's configuration), B with a 16k TLS buffer, and C (the
/// article's configuration), one after another so they do not compete for the two cores.
/// </summary>
public sealed class BenchRun(int targetStreams, int sseEvents, int wsMessages, TextWriter log)
{
    private static readonly TimeSpan RampLimit = TimeSpan.FromMinutes(2);
    private const int ReloadStreamsEach = 1000;
    private const int Concurrency = 64;

    public async Task<BenchReport> RunAsync(CancellationToken token)
    {
        var nginx = NginxBinary.Locate();
        await using var backend = await BenchBackend.StartAsync();
        var results = new List<TargetResult>();

        var direct = new Target("A", "direct to the backend", new Uri($"http://127.0.0.1:{backend.Port}/"), new Uri($"ws://127.0.0.1:{backend.Port}/"));
        results.Add(await MeasureAsync("A", direct.Label, () => Task.FromResult<RunningEdge?>(null), direct, withWs: true, withReload: false, token));
        results.Add(await MeasureAsync("B", "project configuration",
            async () => await RunningEdge.ProjectAsync(nginx, backend.Port, targetStreams, "project configuration"), null, withWs: true, withReload: true, token));
        results.Add(await MeasureAsync("B16k", "project, tlsBufferSize=16k",
            async () => await RunningEdge.ProjectAsync(nginx, backend.Port, targetStreams, "project, tlsBufferSize=16k", ("tlsBufferSize", "16k")), null, withWs: false, withReload: false, token));
        results.Add(await MeasureAsync("C", "article configuration",
            async () => await RunningEdge.ArticleAsync(nginx, backend.Port, "article configuration"), null, withWs: true, withReload: true, token));

        return new BenchReport(DateTimeOffset.UtcNow, nginx.Version.ToString(), Environment.ProcessorCount,
            Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024), 1),
            System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription, targetStreams, results);
    }

    /// <summary>
    /// Each measurement gets a fresh nginx (or the bare backend for A): a worker's heap does not shrink after a
    /// run, so a second capacity run on the same nginx would reuse freed memory and understate its cost.
    /// </summary>
    private async Task<TargetResult> MeasureAsync(string name, string label, Func<Task<RunningEdge?>> start, Target? direct, bool withWs, bool withReload, CancellationToken token)
    {
        Percentiles sse, ws;
        CapacityResult sseCapacity;
        CapacityResult? wsCapacity = null;
        ReloadResult? reload = null;
        await using (var edge = await start())
        {
            var target = Named(edge, direct, name);
            log.WriteLine($"[{name}] {label}: SSE latency over {sseEvents} events");
            sse = await LatencyProbe.SseAsync(target, sseEvents, token);
            log.WriteLine($"[{name}] WebSocket echo over {wsMessages} messages");
            ws = await LatencyProbe.WebSocketEchoAsync(target, wsMessages, token);
        }
        await using (var edge = await start())
        {
            log.WriteLine($"[{name}] holding up to {targetStreams} SSE streams");
            sseCapacity = await CapacityAsync(Named(edge, direct, name), edge, sse: true, token);
        }
        if (withWs)
        {
            await using var edge = await start();
            log.WriteLine($"[{name}] holding up to {targetStreams} WebSocket streams");
            wsCapacity = await CapacityAsync(Named(edge, direct, name), edge, sse: false, token);
        }
        if (withReload)
        {
            await using var edge = await start();
            log.WriteLine($"[{name}] reload with {ReloadStreamsEach} SSE + {ReloadStreamsEach} WebSocket streams");
            reload = await ReloadAsync(Named(edge, direct, name), edge!);
        }
        return new TargetResult(name, label, sse, ws, sseCapacity, wsCapacity, reload);
    }

    private static Target Named(RunningEdge? edge, Target? direct, string name) => (edge?.Target ?? direct!) with { Name = name };

    private async Task<CapacityResult> CapacityAsync(Target target, RunningEdge? edge, bool sse, CancellationToken token)
    {
        var baseline = edge?.Memory().Pss;
        var options = new HoldOptions(
            sse ? target.Sse("/sse/idle?interval=60000") : null,
            sse ? null : target.WebSocket("/ws/idle"),
            sse ? targetStreams : 0,
            sse ? 0 : targetStreams,
            Concurrency,
            RampLimit);
        HoldReport report;
        double? perThousand = null;
        string? failure;
        await using (var holder = BenchChild.Start(options.ToArgs()))
        {
            report = await holder.ReadAsync<HoldReport>(RampLimit + TimeSpan.FromSeconds(60));
            failure = report.FirstFailure;
            if (edge is not null)
            {
                if (report.Held > 0) perThousand = Math.Round((edge.Memory().Pss - baseline!.Value) / 1024.0 / report.Held * 1000, 2);
                if (NginxComplaint(edge) is { } complaint) failure = failure is null ? "nginx: " + complaint : $"{failure} (nginx: {complaint})";
            }
            log.WriteLine($"[{target.Name}]   held {report.Held}, failed {report.Failed} in {report.RampSeconds:F1}s{(failure is null ? "" : "; first failure: " + failure)}");
            await holder.SendAsync("quit");
        }
        await Task.Delay(TimeSpan.FromSeconds(3), token); // let nginx and the backend drop the closed streams
        return new CapacityResult(targetStreams, report.Held, report.Failed, failure, Math.Round(report.RampSeconds, 1), perThousand);
    }

    private static async Task<ReloadResult> ReloadAsync(Target target, RunningEdge edge)
    {
        var options = new HoldOptions(target.Sse("/sse/reload?interval=500"), target.WebSocket("/ws/reload"), ReloadStreamsEach, ReloadStreamsEach, Concurrency, RampLimit);
        await using var holder = BenchChild.Start(options.ToArgs());
        var ramped = await holder.ReadAsync<HoldReport>(RampLimit + TimeSpan.FromSeconds(60));
        await holder.SendAsync("mark");
        edge.Nginx.Reload();
        await Task.Delay(TimeSpan.FromSeconds(10));
        await holder.SendAsync("mark");
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // SSE events come every 500 ms: an alive stream has one after the mark
        await holder.SendAsync("check");
        var checkedReport = await holder.ReadAsync<HoldReport>(TimeSpan.FromSeconds(60));
        await holder.SendAsync("quit");
        return new ReloadResult(ramped.Held, checkedReport.AliveSse + checkedReport.AliveWs);
    }

    // The first line where nginx itself says why it refused a connection (e.g. worker_connections are not enough).
    private static string? NginxComplaint(RunningEdge edge) =>
        NginxErrorLog.Read(edge.Nginx.ErrorLog).FirstOrDefault(l => l.IsFailure)?.Message;
}
