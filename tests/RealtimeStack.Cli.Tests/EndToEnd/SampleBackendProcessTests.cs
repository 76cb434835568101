using System.Diagnostics;
using System.Net.WebSockets;
using RealtimeStack.SampleBackends;
using RealtimeStack.Local;

namespace RealtimeStack.Cli.Tests.EndToEnd;

/// <summary>
/// The sample backend as the dev stack's containers run it, a process of its own: SIGTERM (docker stop, a pod's
/// termination) or SIGINT stops it within a second, its SSE clients told when to come back and its WebSockets closed
/// as going away, instead of holding on until the container's stop timeout kills it.
/// </summary>
public sealed class SampleBackendProcessTests
{
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(1);

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task A_signal_stops_it_within_a_second_and_its_streams_are_told_to_reconnect(string signal)
    {
        var port = FreePort.Next();
        using var process = Start(port);
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
            await WaitUntilServingAsync(http, port);
            using var sse = await http.GetAsync($"http://127.0.0.1:{port}/sse/signal?interval=100", HttpCompletionOption.ResponseHeadersRead);
            var reader = new StreamReader(await sse.Content.ReadAsStreamAsync());
            while ((await reader.ReadLineAsync())?.StartsWith("id: ", StringComparison.Ordinal) != true) { }
            using var socket = new ClientWebSocket();
            await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{port}/ws/signal"), CancellationToken.None);
            // A client reads all along, as a browser does, and so answers the backend's close.
            using var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var closed = ReceiveCloseAsync(socket, bounded.Token);

            var clock = Stopwatch.StartNew();
            Signal(process.Id, signal);
            Assert.True(process.WaitForExit(5_000), "the backend did not stop within 5 s");
            var stopped = clock.Elapsed;
            Assert.True(stopped < Quick, $"the backend took {stopped.TotalMilliseconds:F0} ms to stop");
            Assert.Equal(0, process.ExitCode);

            // The stream's last field tells the client when to reconnect; then the stream ends.
            var rest = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(5));
            Assert.Contains($"retry: {SampleBackend.StoppingRetryMilliseconds}", rest);
            Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, await closed);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
    }

    private static async Task<WebSocketCloseStatus?> ReceiveCloseAsync(ClientWebSocket socket, CancellationToken token)
    {
        var buffer = new byte[1024];
        WebSocketReceiveResult result;
        do { result = await socket.ReceiveAsync(buffer, token); } while (result.MessageType != WebSocketMessageType.Close);
        // Answer the close, as a browser does; the backend may be gone by then, which is fine.
        try { await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", token); }
        catch (WebSocketException) { }
        return result.CloseStatus;
    }

    private static Process Start(int port)
    {
        var dll = RepoPaths.BuiltProgram("samples/RealtimeStack.SampleBackends", "RealtimeStack.SampleBackends.dll");
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(dll);
        start.Environment["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["BIND"] = "127.0.0.1";
        start.Environment["INSTANCE_ID"] = "signal-1";
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitUntilServingAsync(HttpClient http, int port)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                using var health = await http.GetAsync($"http://127.0.0.1:{port}/healthz");
                if (health.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline) { }
            await Task.Delay(100);
        }
    }

    // By process id, as the container runtime does; Process.Kill would send SIGKILL.
    private static void Signal(int pid, string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-" + signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        kill.WaitForExit(5_000);
        Assert.Equal(0, kill.ExitCode);
    }
}
