using System.Diagnostics;
using System.Text.Json;

namespace RealtimeStack.Benchmark;

/// <summary>
/// The orchestrator's handle on one of the bench's child processes (this program again, with <c>--role …</c>):
/// start, read its JSON lines, send it commands, stop it by its process id. Children hold the sockets, so no
/// process needs more open files than the per-process limit.
/// </summary>
public sealed class BenchChild : IAsyncDisposable
{
    private readonly Process _process;

    private BenchChild(Process process) => _process = process;

    public int ProcessId => _process.Id;

    public static BenchChild Start(IEnumerable<string> args)
    {
        // Run as `dotnet bench.dll` the process is the host: the child needs the assembly named again.
        var host = Environment.ProcessPath!;
        var viaHost = Path.GetFileNameWithoutExtension(host) == "dotnet";
        var info = new ProcessStartInfo(host)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = false,
            UseShellExecute = false,
        };
        if (viaHost) info.ArgumentList.Add(typeof(BenchChild).Assembly.Location);
        // Twenty processes share two cores: idle thread-pool threads that spin for work take the cores from the work measured.
        info.Environment["DOTNET_ThreadPool_UnfairSemaphoreSpinLimit"] = "0";
        foreach (var arg in args) info.ArgumentList.Add(arg);
        return new BenchChild(Process.Start(info) ?? throw new InvalidOperationException("could not start a bench child process"));
    }

    /// <summary>The child's next JSON line.</summary>
    public async Task<T> ReadAsync<T>(TimeSpan timeout)
    {
        var line = await _process.StandardOutput.ReadLineAsync().WaitAsync(timeout)
            ?? throw new InvalidOperationException($"bench child {_process.Id} exited with code {(_process.HasExited ? _process.ExitCode : -1)} before reporting");
        return JsonSerializer.Deserialize<T>(line)!;
    }

    /// <summary>Sends a command and reads the child's answer.</summary>
    public async Task<T> AskAsync<T>(string command, TimeSpan timeout)
    {
        await SendAsync(command);
        return await ReadAsync<T>(timeout);
    }

    public async Task SendAsync(string command)
    {
        await _process.StandardInput.WriteLineAsync(command);
        await _process.StandardInput.FlushAsync();
    }

    public async ValueTask DisposeAsync()
    {
        try { _process.StandardInput.Close(); }
        catch (IOException) { }
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try { await _process.WaitForExitAsync(wait.Token); }
        catch (OperationCanceledException) { _process.Kill(entireProcessTree: true); }
        _process.Dispose();
    }

    /// <summary>A child's side of the protocol: one JSON line per report or answer.</summary>
    public static void Reply<T>(T value)
    {
        Console.WriteLine(JsonSerializer.Serialize(value));
        Console.Out.Flush();
    }
}
