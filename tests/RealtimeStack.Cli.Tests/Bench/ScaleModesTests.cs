using System.Diagnostics;
using System.Text.Json;
using Xunit.Abstractions;

namespace RealtimeStack.Cli.Tests.Bench;

/// <summary>
/// The scale benchmark's three modes, each run as documented but small (a few hundred streams), through the
/// project's configuration on a real nginx: what they count must add up (every stream held, every broadcast event
/// received, every cut stream back). No figure is timed here: the figures belong to the benchmark's own output.
/// </summary>
public sealed class ScaleModesTests(ITestOutputHelper output)
{
    private const int Streams = 300;

    [Fact]
    public async Task Capacity_holds_every_stream_and_each_one_receives_the_broadcast_at_the_hold()
    {
        var run = (await RunAsync("--capacity", "--streams", "300"))[0];
        Assert.Equal(Streams, run.GetProperty("Ramp").GetProperty("Held").GetInt32());
        Assert.Equal(0, run.GetProperty("Ramp").GetProperty("Failed").GetInt32());
        var hold = run.GetProperty("Hold");
        Assert.Equal(Streams, hold.GetProperty("Alive").GetInt32());
        Assert.Equal(Streams, hold.GetProperty("Sent").GetInt64());
        Assert.Equal(Streams, hold.GetProperty("Received").GetInt64());
        Assert.True(run.GetProperty("Memory").GetProperty("PssMibPer1000").GetDouble() > 0, "nginx memory per 1,000 streams is measured");
        Assert.Equal(Environment.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture), run.GetProperty("Settings").GetProperty("WorkerProcesses").GetString());
    }

    [Fact]
    public async Task Broadcast_delivers_every_round_to_every_stream_direct_and_through_the_edge()
    {
        var run = (await RunAsync("--broadcast", "--streams", "300", "--rounds", "2"))[0];
        foreach (var side in new[] { "Direct", "Edge" })
        {
            var figures = run.GetProperty(side);
            Assert.Equal(2 * Streams, figures.GetProperty("Sent").GetInt64());
            Assert.Equal(2 * Streams, figures.GetProperty("Received").GetInt64());
            Assert.Equal(2, figures.GetProperty("LastSubscriber").GetProperty("Count").GetInt32());
            Assert.True(figures.GetProperty("Arrival").GetProperty("Max").GetDouble() >= figures.GetProperty("Arrival").GetProperty("P50").GetDouble());
        }
    }

    [Fact]
    public async Task Storm_cuts_every_stream_at_once_and_every_client_comes_back_after_waiting_its_retry()
    {
        // A retry: above the clients' 30 s backoff cap: EventSource waits it in full, so must the bench's clients.
        var run = (await RunAsync("--storm", "--streams", "300", "--listen-backlog", "64", "--retry", "40000"))[0];
        Assert.Equal(Streams, run.GetProperty("Cut").GetInt32());
        Assert.Equal(Streams, run.GetProperty("Back").GetInt32());
        Assert.Equal(0, run.GetProperty("GaveUp").GetInt32());
        Assert.Equal(0, run.GetProperty("NotBack").GetInt32());
        Assert.Contains("backlog=64", run.GetProperty("Settings").GetProperty("Listen").GetString(), StringComparison.Ordinal);
        Assert.Equal("listen backlog=64, backends' retry: 40000 ms", run.GetProperty("Variant").GetString());
        // Waits are drawn up to the full 40 s: 300 of them all under 32 s has a chance of about 1 in 10^29; with the
        // wait capped at 30 s none could pass 32 s (a handshake here takes milliseconds).
        Assert.True(run.GetProperty("BackAfterCutMs").GetProperty("Max").GetDouble() > 32_000, "the last stream came back later than a 30 s cap allows");
        // nginx's time includes the old workers the reload ended (reaped by the master), so it is positive.
        var cpu = run.GetProperty("CpuPerReconnect");
        foreach (var who in new[] { "Nginx", "Backends", "Clients" })
            Assert.True(cpu.GetProperty(who).GetDouble() > 0, $"{who}' CPU per stream back is measured: {cpu}");
    }

    private async Task<JsonElement[]> RunAsync(params string[] args)
    {
        var outDir = Directory.CreateTempSubdirectory("realtime-scale-").FullName;
        try
        {
            var bench = RepoPaths.BuiltProgram("tools/bench", "RealtimeStack.Benchmark.dll");
            var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoPaths.Root };
            foreach (var arg in (string[])[bench, .. args, "--out", outDir]) info.ArgumentList.Add(arg);
            using var process = Process.Start(info)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            try { await process.WaitForExitAsync(limit.Token); }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"the bench did not finish in 3 minutes:\n{await stderr}");
            }
            output.WriteLine(await stdout);
            Assert.True(process.ExitCode == 0, $"bench exited {process.ExitCode}:\n{await stderr}");
            var json = Assert.Single(Directory.GetFiles(outDir, "*.json"));
            return [.. JsonDocument.Parse(File.ReadAllText(json)).RootElement.EnumerateArray().Select(e => e.Clone())];
        }
        finally { Directory.Delete(outDir, recursive: true); }
    }
}
