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

    [Fact]
    public async Task Each_stream_is_sent_its_own_retry_from_the_environments_range()
    {
        var port = FreePort.Next();
        using var process = Start(port, new StringWriter(), ("SSE_RETRY_MS", "2000"), ("SSE_RETRY_SPREAD_MS", "500"));
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
            await WaitUntilServingAsync(http, port);
            var retries = new List<int>();
            for (var i = 0; i < 20; i++)
            {
                using var sse = await http.GetAsync($"http://127.0.0.1:{port}/sse/retry?interval=10&count=1", HttpCompletionOption.ResponseHeadersRead);
                var body = await sse.Content.ReadAsStringAsync();
                var line = Assert.Single(body.Split('\n'), l => l.StartsWith("retry: ", StringComparison.Ordinal));
                retries.Add(int.Parse(line[7..], System.Globalization.CultureInfo.InvariantCulture));
            }
            Assert.All(retries, r => Assert.InRange(r, 2000, 2500));
            // 20 draws from 501 values all alike: about 1 in 10^51. Alike means the streams cut together return together.
            Assert.True(retries.Distinct().Count() > 1, $"every stream was sent the same retry: {string.Join(", ", retries)}");
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
    }

    [Theory]
    [InlineData("SSE_RETRY_MS", "soon")]
    [InlineData("SSE_RETRY_SPREAD_MS", "-5")]
    [InlineData("SSE_RETRY_SPREAD_MS", "3600001")]
    public void A_retry_setting_that_is_not_milliseconds_up_to_an_hour_stops_it_with_the_variables_name(string name, string value)
    {
        var errors = new StringWriter();
        using var process = Start(FreePort.Next(), errors, (name, value));
        try
        {
            Assert.True(process.WaitForExit(20_000), "the backend started with a bad setting");
            process.WaitForExit(); // the redirected stderr is read to its end
            Assert.Equal(2, process.ExitCode);
            Assert.Contains($"{name}: must be a whole number of milliseconds from 0 to 3600000 (got '{value}')", errors.ToString());
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

    private static Process Start(int port) => Start(port, TextWriter.Null);

    private static Process Start(int port, TextWriter errors, params (string Name, string Value)[] environment)
    {
        var dll = RepoPaths.BuiltProgram("samples/RealtimeStack.SampleBackends", "RealtimeStack.SampleBackends.dll");
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(dll);
        start.Environment["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["BIND"] = "127.0.0.1";
        start.Environment["INSTANCE_ID"] = "signal-1";
        foreach (var (name, value) in environment) start.Environment[name] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var synchronized = TextWriter.Synchronized(errors);
        process.ErrorDataReceived += (_, line) => { if (line.Data is not null) synchronized.WriteLine(line.Data); };
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
