using System.Globalization;
using System.Text;

namespace RealtimeStack.Benchmark;

/// <summary>The compact side-by-side table (markdown, so the same text goes to the terminal and the README).</summary>
public static class ReportTable
{
    public static string Render(BenchReport report)
    {
        var a = report.Targets.Single(t => t.Name == "A");
        var b = report.Targets.Single(t => t.Name == "B");
        var b16 = report.Targets.SingleOrDefault(t => t.Name == "B16k");
        var c = report.Targets.Single(t => t.Name == "C");
        var text = new StringBuilder();
        text.AppendLine($"Benchmark {report.When:yyyy-MM-dd HH:mm} UTC · nginx {report.NginxVersion} · {report.Cores} cores, {report.MemoryGib} GiB · {report.Runtime} · target {report.TargetStreams} streams");
        text.AppendLine();
        text.AppendLine("| measure | A direct | B project | C article | B/A | B/C | B, tlsBufferSize 16k |");
        text.AppendLine("|---|---|---|---|---|---|---|");
        Row(text, "SSE event latency p50 (µs)", a.Sse.P50, b.Sse.P50, c.Sse.P50, b16?.Sse.P50);
        Row(text, "SSE event latency p99 (µs)", a.Sse.P99, b.Sse.P99, c.Sse.P99, b16?.Sse.P99);
        Row(text, "SSE event latency max (µs)", a.Sse.Max, b.Sse.Max, c.Sse.Max, b16?.Sse.Max);
        Row(text, "WS echo round trip p50 (µs)", a.Ws.P50, b.Ws.P50, c.Ws.P50, b16?.Ws.P50);
        Row(text, "WS echo round trip p99 (µs)", a.Ws.P99, b.Ws.P99, c.Ws.P99, b16?.Ws.P99);
        Row(text, "WS echo round trip max (µs)", a.Ws.Max, b.Ws.Max, c.Ws.Max, b16?.Ws.Max);
        Row(text, "SSE streams held", a.SseCapacity.Held, b.SseCapacity.Held, c.SseCapacity.Held, b16?.SseCapacity.Held);
        Row(text, "WS streams held", a.WsCapacity?.Held, b.WsCapacity?.Held, c.WsCapacity?.Held, null);
        Row(text, "nginx MiB per 1,000 SSE streams", null, b.SseCapacity.NginxMibPer1000, c.SseCapacity.NginxMibPer1000, b16?.SseCapacity.NginxMibPer1000, ratios: false);
        Row(text, "nginx MiB per 1,000 WS streams", null, b.WsCapacity?.NginxMibPer1000, c.WsCapacity?.NginxMibPer1000, null, ratios: false);
        text.AppendLine($"| streams alive 10 s after reload | – | {Reload(b.Reload)} | {Reload(c.Reload)} | | | |");
        text.AppendLine();
        text.AppendLine($"Added p99 latency of B over A: SSE {b.Sse.P99 - a.Sse.P99:F0} µs, WebSocket {b.Ws.P99 - a.Ws.P99:F0} µs.");
        foreach (var t in report.Targets)
        {
            foreach (var (kind, capacity) in new[] { ("SSE", t.SseCapacity), ("WS", t.WsCapacity) })
                if (capacity?.FirstFailure is { } failure) text.AppendLine($"{t.Name} {kind} first failure after {capacity.Held} held: {failure}");
        }
        return text.ToString();
    }

    private static string Reload(ReloadResult? r) => r is null ? "–" : $"{r.Alive} of {r.Held}";

    private static void Row(StringBuilder text, string name, double? a, double? b, double? c, double? b16, bool ratios = true) =>
        text.AppendLine($"| {name} | {F(a)} | {F(b)} | {F(c)} | {(ratios ? Ratio(b, a) : "")} | {(ratios ? Ratio(b, c) : "")} | {F(b16)} |");

    private static string F(double? v) => v is null || double.IsNaN(v.Value) ? "–" : v.Value >= 100 ? v.Value.ToString("F0", CultureInfo.InvariantCulture) : v.Value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Ratio(double? x, double? y) => x is null || y is null || y == 0 ? "" : (x.Value / y.Value).ToString("0.00", CultureInfo.InvariantCulture) + "x";
}
