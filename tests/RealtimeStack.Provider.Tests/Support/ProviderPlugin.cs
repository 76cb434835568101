using System.Diagnostics;
using Grpc.Net.Client;
using Pulumirpc;

namespace RealtimeStack.Provider.Tests.Support;

/// <summary>
/// The <c>pulumi-resource-realtime</c> plugin started as the engine starts it: its engine's address as the one
/// argument, its gRPC port read from the first line it prints. Stopped by its process id.
/// </summary>
public sealed class ProviderPlugin : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly GrpcChannel _channel;

    private ProviderPlugin(Process process, int port, System.Text.StringBuilder errors)
    {
        (_process, _errors) = (process, errors);
        _channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}", new GrpcChannelOptions { MaxReceiveMessageSize = null });
        Client = new ResourceProvider.ResourceProviderClient(_channel);
    }

    public ResourceProvider.ResourceProviderClient Client { get; }

    private readonly System.Text.StringBuilder _errors;

    /// <summary>What the plugin wrote to stderr (its own logs and failures).</summary>
    public string Errors
    {
        get { lock (_errors) return _errors.ToString(); }
    }

    /// <summary>The plugin as built beside the tests.</summary>
    public static string Path => RepoPaths.BuiltProgram("components/RealtimeStack.Provider", "pulumi-resource-realtime.dll");

    public static async Task<ProviderPlugin> StartAsync(string engineAddress)
    {
        if (!File.Exists(Path)) throw new FileNotFoundException("the plugin is not built (the test project builds it)", Path);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Path);
        start.ArgumentList.Add(engineAddress);
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var errors = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) => { lock (errors) errors.AppendLine(e.Data); };
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(StartTimeout);
        string? line;
        try
        {
            line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the plugin printed no port within {StartTimeout.TotalSeconds} s: {errors}");
        }
        if (!int.TryParse(line, out var port))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"the plugin's first line is not a port: '{line}' {errors}");
        }
        return new ProviderPlugin(process, port, errors);
    }

    public void Dispose()
    {
        _channel.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        _process.Dispose();
    }
}
