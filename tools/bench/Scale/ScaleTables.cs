using System.Globalization;
using System.Text;

namespace RealtimeStack.Benchmark.Scale;

/// <summary>The scale modes' figures as markdown (the same text goes to the terminal and to docs/benchmark.md).</summary>
public static class ScaleTables
{
    public static string Header(string mode, string nginxVersion) =>
        $"{mode} {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC · nginx {nginxVersion} · {Environment.ProcessorCount} cores, " +
        $"{Number(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024), "0.0")} GiB · {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}";

    public static string Capacity(IReadOnlyList<CapacityFigures> runs)
    {
        var text = new StringBuilder();
        text.AppendLine("| streams | connections | client / backend processes | workers | worker_connections | worker_rlimit_nofile | held | alive at the hold | ramp (s) | ramp rate (/s) | failed | nginx PSS per 1,000 (MiB) | nginx RSS per 1,000 (MiB) | nginx PSS held (MiB) | nginx CPU per stream opened (µs) | ramp load |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in runs)
            text.AppendLine($"| {Number(r.Setup.Streams)} | {Connections(r.StreamsPerConnection)} | {r.Setup.Clients} / {r.Setup.Backends} | {r.Settings.WorkerProcesses} | {r.Settings.WorkerConnections} | {r.Settings.WorkerRlimitNofile} | {Number(r.Ramp.Held)} | {Number(r.Hold.Alive)} | {Number(r.Ramp.Seconds, "0.0")} | {Number(r.Ramp.PerSecond)} | {Number(r.Ramp.Failed)} | {Number(r.Memory.PssMibPer1000, "0.00")} | {Number(r.Memory.RssMibPer1000, "0.00")} | {Number(r.Memory.HeldPssMib)} | {Optional(r.Ramp.EdgeCpuMicrosPerStream)} | {r.RampLoad} |");
        text.AppendLine();
        foreach (var r in runs)
        {
            text.AppendLine($"- {Number(r.Setup.Streams)} streams: listen `{r.Settings.Listen}`, client_header_timeout {r.Settings.ClientHeaderTimeout}; one broadcast at the hold: arrival p50 {Ms(r.Hold.Arrival.P50)} ms, p99 {Ms(r.Hold.Arrival.P99)} ms, last subscriber {Ms(r.Hold.LastSubscriber.Max)} ms, nginx CPU {Optional(r.Hold.EdgeCpuMicrosPerEvent)} µs per event");
            text.AppendLine($"  - errors: {Errors(r.Ramp.Errors)}; kernel: {r.Counters}");
            foreach (var complaint in r.NginxComplaints) text.AppendLine($"  - nginx: {complaint}");
        }
        return text.ToString();
    }

    public static string Broadcast(IReadOnlyList<BroadcastComparison> runs)
    {
        var text = new StringBuilder();
        text.AppendLine("| streams | path | held | events received / sent | arrival p50 (ms) | arrival p99 (ms) | arrival max (ms) | last subscriber, median round (ms) | last subscriber, worst round (ms) | backend write max (ms) | nginx CPU per event (µs) | load |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in runs)
        {
            Row(text, r.Setup.Streams, "direct", r.DirectRamp, r.Direct, r.DirectLoad);
            Row(text, r.Setup.Streams, $"edge ({r.Settings.WorkerProcesses} workers, TLS)", r.EdgeRamp, r.Edge, r.EdgeLoad);
        }
        text.AppendLine();
        foreach (var r in runs)
            text.AppendLine($"- {Number(r.Setup.Streams)} streams: the edge adds {Ms(r.Edge.Arrival.P50 - r.Direct.Arrival.P50)} ms at p50, {Ms(r.Edge.Arrival.P99 - r.Direct.Arrival.P99)} ms at p99, {Ms(r.Edge.LastSubscriber.P50 - r.Direct.LastSubscriber.P50)} ms to the last subscriber (median round)");
        return text.ToString();
    }

    public static string Storm(IReadOnlyList<StormFigures> runs)
    {
        var text = new StringBuilder();
        text.AppendLine("| variant | streams | listen | cut | back | gave up | not back | all back after (s) | CPU per stream back: nginx / backends / clients (µs) | back after cut p50 / p99 (s) | outage p50 / p99 (s) | attempts p50 / max | ListenOverflows | ListenDrops | load |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in runs)
            text.AppendLine($"| {r.Variant} | {Number(r.Ramp.Held)} | `{r.Settings.Listen}` | {Number(r.Cut)} | {Number(r.Back)} | {r.GaveUp} | {r.NotBack} | {Number(r.AllBackSeconds, "0.0")} | {(r.CpuPerReconnect is { } c ? $"{Number(c.Nginx)} / {Number(c.Backends)} / {Number(c.Clients)}" : "–")} | {Seconds(r.BackAfterCutMs.P50)} / {Seconds(r.BackAfterCutMs.P99)} | {Seconds(r.OutageMs.P50)} / {Seconds(r.OutageMs.P99)} | {Number(r.Attempts.P50)} / {Number(r.Attempts.Max)} | {r.Counters.Values.GetValueOrDefault("ListenOverflows")} | {r.Counters.Values.GetValueOrDefault("ListenDrops")} | {r.Load} |");
        text.AppendLine();
        foreach (var r in runs)
        {
            text.AppendLine($"- {r.Variant}: back within " + string.Join(", ", r.Timeline.Where(p => p.Seconds is 5 or 10 or 20 or 30 or 60 or 90 or 120).Select(p => $"{p.Seconds:0} s: {Number(p.Back)}")));
            text.AppendLine($"  - reconnection errors: {Errors(r.Errors)}; stream ends: {Errors(r.Ends)}; kernel: {r.Counters}");
            foreach (var complaint in r.NginxComplaints) text.AppendLine($"  - nginx: {complaint}");
        }
        return text.ToString();
    }

    private static void Row(StringBuilder text, int streams, string path, RampFigures ramp, BroadcastFigures b, MachineLoad load) =>
        text.AppendLine($"| {Number(streams)} | {path} | {Number(ramp.Held)} | {Number(b.Received)} / {Number(b.Sent)} | {Ms(b.Arrival.P50)} | {Ms(b.Arrival.P99)} | {Ms(b.Arrival.Max)} | {Ms(b.LastSubscriber.P50)} | {Ms(b.LastSubscriber.Max)} | {Number(b.BackendWriteMaxMs, "0.0")} | {Optional(b.EdgeCpuMicrosPerEvent)} | {load} |");

    private static string Connections(int perConnection) => perConnection == 1 ? "HTTP/1.1, one per stream" : $"HTTP/2, {perConnection} streams each";

    private static string Errors(Dictionary<string, int> errors) =>
        errors.Count == 0 ? "none" : string.Join(", ", errors.OrderByDescending(e => e.Value).Select(e => $"{e.Key} ×{Number(e.Value)}"));

    private static string Optional(double? value) => value is double v ? Number(v, "0.0") : "–";

    private static string Ms(double micros) => Number(micros / 1000, "0.0");

    private static string Seconds(double ms) => Number(ms / 1000, "0.0");

    private static string Number(double value, string format = "#,0") => double.IsNaN(value) ? "–" : value.ToString(format, CultureInfo.InvariantCulture);
}
