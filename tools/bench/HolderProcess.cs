using System.Diagnostics;
using System.Text.Json;

namespace RealtimeStack.Benchmark;

/// <summary>The orchestrator's handle on a <see cref="StreamHolder"/> child: start, read reports, command, stop by pid.</summary>
public sealed class HolderProcess : IAsyncDisposable
{
    private readonly Process _process;

    private HolderProcess(Process process) => _process = process;

    public static HolderProcess Start(HoldOptions options)
    {
        var info = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = false,
            UseShellExecute = false,
        };
        foreach (var arg in options.ToArgs()) info.ArgumentList.Add(arg);
        return new HolderProcess(Process.Start(info) ?? throw new InvalidOperationException("could not start the stream holder"));
    }

    public async Task<HoldReport> ReportAsync(TimeSpan timeout)
    {
        var line = await _process.StandardOutput.ReadLineAsync().WaitAsync(timeout)
            ?? throw new InvalidOperationException($"stream holder exited with code {(_process.HasExited ? _process.ExitCode : -1)} before reporting");
        return JsonSerializer.Deserialize<HoldReport>(line)!;
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
}
