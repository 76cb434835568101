using System.Globalization;
using System.Text.Json;
using RealtimeStack.Benchmark;

// Usage: BenchUsage.Lines (--help prints them). --role hold is the internal stream-holding child process.
if (args is ["--role", "backend", ..]) return await RealtimeStack.Benchmark.Scale.BackendRole.RunAsync();
if (args is ["--role", "fleet", ..]) return await RealtimeStack.Benchmark.Scale.FleetRole.RunAsync(args);
if (args is ["--role", ..]) return await StreamHolder.RunAsync(args);
if (args.Contains("--help") || args.Contains("-h"))
{
    foreach (var line in BenchUsage.Lines) Console.WriteLine(line);
    return 0;
}

var outIndex = Array.IndexOf(args, "--out");
var outDir = outIndex >= 0 && outIndex + 1 < args.Length ? args[outIndex + 1] : Path.Combine(RepoRoot(), "tools", "bench", "results");
if (args.Contains("--capacity") || args.Contains("--broadcast") || args.Contains("--storm"))
{
    try { return await RealtimeStack.Benchmark.Scale.ScaleCommand.RunAsync(args, outDir, Console.Error); }
    catch (ArgumentException e)
    {
        Console.Error.WriteLine("error: " + e.Message);
        return 2;
    }
}

var streams = 10_000;
var quick = args.Contains("--quick");
if (quick) streams = 1_000;
var index = Array.IndexOf(args, "--streams");
if (index >= 0 && (index + 1 >= args.Length || !int.TryParse(args[index + 1], NumberStyles.None, CultureInfo.InvariantCulture, out streams) || streams < 1 || streams > 9_000_000))
{
    Console.Error.WriteLine("error: --streams needs a whole number of streams (1 or more)");
    return 2;
}
using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(20));
if (args.Contains("--memory"))
{
    // Memory per idle stream, one candidate setting at a time (--variant NAME-PREFIX picks some; default all).
    var picked = args.Select((a, i) => (a, i)).Where(p => p.a == "--variant" && p.i + 1 < args.Length).Select(p => args[p.i + 1]).ToArray();
    var variants = MemoryProbe.Candidates.Where(v => picked.Length == 0 || picked.Any(p => v.Name.StartsWith(p, StringComparison.Ordinal))).ToArray();
    var memory = await new MemoryProbe(index >= 0 ? streams : 1_000, maxStreams: 10_000, Console.Error).RunAsync(variants, cancel.Token);
    Console.WriteLine(MemoryProbe.Table(memory, index >= 0 ? streams : 1_000));
    return 0;
}
var report = await new BenchRun(streams, sseEvents: 5_000, wsMessages: 5_000, Console.Error).RunAsync(cancel.Token);
var table = ReportTable.Render(report);
Console.WriteLine();
Console.WriteLine(table);
Directory.CreateDirectory(outDir);
File.WriteAllText(Path.Combine(outDir, "latest.json"), JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));
File.WriteAllText(Path.Combine(outDir, "latest.md"), table);
Console.WriteLine($"raw figures: {Path.Combine(outDir, "latest.json")}");
return 0;

static string RepoRoot() =>
    RealtimeStack.Edge.Configuration.StackFile.ProjectRoot(Directory.GetCurrentDirectory()) ?? Directory.GetCurrentDirectory();
