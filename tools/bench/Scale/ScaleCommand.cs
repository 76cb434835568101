using System.Globalization;
using System.Text.Json;
using RealtimeStack.Edge.Nginx;
using RealtimeStack.Local;

namespace RealtimeStack.Benchmark.Scale;

/// <summary>
/// <c>--capacity</c>, <c>--broadcast</c> and <c>--storm</c> from the command line (<see cref="BenchUsage.Lines"/>):
/// runs the mode, prints its table, and writes it with the raw figures to the results directory.
/// </summary>
public static class ScaleCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public static async Task<int> RunAsync(IReadOnlyList<string> args, string outDir, TextWriter log)
    {
        var streams = Values(args, "--streams").Select(v => Whole(v, "--streams")).ToArray();
        var sets = Values(args, "--set").Select(Setting).ToArray();
        var backlog = Values(args, "--listen-backlog").Select(v => Whole(v, "--listen-backlog")).Cast<int?>().LastOrDefault();
        int? workers = Values(args, "--workers").Select(v => Whole(v, "--workers")).Cast<int?>().LastOrDefault();
        var nginx = NginxBinary.Locate();
        var perConnection = Values(args, "--per-connection").Select(v => Whole(v, "--per-connection")).DefaultIfEmpty(1).Last();
        int? retry = Values(args, "--retry").Select(v => Whole(v, "--retry")).Cast<int?>().LastOrDefault();
        var bench = new ScaleBench(nginx, log) { Settings = sets, Adjust = backlog is int b ? ListenBacklog(b) : null, StreamsPerConnection = perConnection, RetryMilliseconds = retry ?? Fanout.DefaultRetryMilliseconds };
        IEnumerable<string> changes = [.. sets.Select(s => $"{s.Key} {s.Value}"), .. backlog is int value ? [$"listen backlog={value}"] : Array.Empty<string>(), .. retry is int ms ? [$"backends' retry: {ms} ms"] : Array.Empty<string>(), .. perConnection > 1 ? [$"{perConnection} streams per HTTP/2 connection"] : Array.Empty<string>()];
        var variant = changes.Any() ? string.Join(", ", changes) : "project default";
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(85));
        string mode, table;
        object figures;
        if (args.Contains("--capacity"))
        {
            var runs = new List<CapacityFigures>();
            foreach (var n in streams.DefaultIfEmpty(100_000)) runs.Add(await bench.CapacityAsync(ScaleSetup.For(n, workers: workers), cancel.Token));
            (mode, table, figures) = ("capacity", ScaleTables.Capacity(runs), runs);
        }
        else if (args.Contains("--broadcast"))
        {
            var rounds = Values(args, "--rounds").Select(v => Whole(v, "--rounds")).DefaultIfEmpty(10).Last();
            var runs = new List<BroadcastComparison>();
            foreach (var n in streams.DefaultIfEmpty(10_000).Concat(streams.Length == 0 ? [50_000] : []))
                runs.Add(await bench.BroadcastAsync(ScaleSetup.For(n, workers: workers), rounds, cancel.Token));
            (mode, table, figures) = ("broadcast", ScaleTables.Broadcast(runs), runs);
        }
        else
        {
            var runs = new List<StormFigures>();
            foreach (var n in streams.DefaultIfEmpty(50_000)) runs.Add(await bench.StormAsync(ScaleSetup.For(n, workers: workers), variant, TimeSpan.FromSeconds(180), cancel.Token));
            (mode, table, figures) = ("storm", ScaleTables.Storm(runs), runs);
        }
        var text = ScaleTables.Header($"Scale benchmark, {mode}", nginx.Version.ToString()) + "\n\n" + table;
        Console.WriteLine();
        Console.WriteLine(text);
        Directory.CreateDirectory(outDir);
        var name = $"{mode}-{DateTimeOffset.UtcNow:yyyyMMdd-HHmm}";
        File.WriteAllText(Path.Combine(outDir, name + ".md"), text);
        File.WriteAllText(Path.Combine(outDir, name + ".json"), JsonSerializer.Serialize(figures, Indented));
        Console.WriteLine($"written: {Path.Combine(outDir, name + ".md")} and .json");
        return 0;
    }

    /// <summary>Experiment: a listen backlog other than the rendered one, on every listen that carries reuseport.</summary>
    private static Func<NginxConf, NginxConf> ListenBacklog(int backlog) => conf => conf.Rewrite(d =>
        d.Name == "listen" && d.Args.Contains("reuseport")
            ? d with { Args = [.. d.Args.Where(a => !a.StartsWith("backlog=", StringComparison.Ordinal)), "backlog=" + backlog.ToString(CultureInfo.InvariantCulture)] }
            : d);

    private static IEnumerable<string> Values(IReadOnlyList<string> args, string name) =>
        args.Select((a, i) => (a, i)).Where(p => p.a == name).Select(p => p.i + 1 < args.Count ? args[p.i + 1] : throw new ArgumentException($"{name} needs a value"));

    private static int Whole(string raw, string name) =>
        int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException($"{name} needs a whole number above 0, not '{raw}'");

    private static (string Key, string Value) Setting(string raw) =>
        raw.Split('=', 2) is [{ Length: > 0 } key, var value] ? (key, value) : throw new ArgumentException($"--set needs KEY=VALUE (a realtime: setting without its prefix), not '{raw}'");
}
