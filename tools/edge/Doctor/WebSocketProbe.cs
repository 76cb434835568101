using System.Diagnostics;
using System.Net.Security;
using System.Security.Cryptography;
using RealtimeStack.Cli.Doctor.WebSockets;

namespace RealtimeStack.Cli.Doctor;

/// <summary>
/// Runs one WebSocket session through the edge on HTTP/1.1 over TLS (nginx cannot carry WebSocket over HTTP/2):
/// upgrade, echo, ping, then silence for the idle duration (the client sends nothing; it only answers the server's
/// pings, as browsers do) and a ping after it.
/// </summary>
public static class WebSocketProbe
{
    public const string Path = "ws/edge-doctor";

    public static async Task<WebSocketObservation> RunAsync(EdgeConnector edge, CancellationToken token)
    {
        var options = edge.Options;
        var idle = options.IdleDuration;
        WebSocketObservation Failed(string error) => new(null, error, null, null, null, null, null, idle, null, null, 0, null, null);
        SslStream tls;
        try
        {
            tls = await edge.OpenTlsAsync([SslApplicationProtocol.Http11], null, token);
        }
        catch (Exception e) when (IsNetworkFailure(e))
        {
            return Failed(DoctorFormat.Failure(e));
        }
        WebSocketHandshake handshake;
        try
        {
            handshake = await HandshakeAsync(edge, tls, token);
        }
        catch (Exception e) when (IsNetworkFailure(e))
        {
            await tls.DisposeAsync();
            return Failed(DoctorFormat.Failure(e));
        }
        edge.Record("ws", handshake.Response.Status, handshake.Response["Server"]);
        var upgrade = $"{handshake.Response.Status} {handshake.Response.Reason}".TrimEnd();
        var echo = BackendEcho.From("ws", name => handshake.Response[name]);
        if (handshake.Socket is not { } socket)
        {
            await tls.DisposeAsync();
            return new(upgrade, handshake.Problem, echo, null, null, null, null, idle, null, null, 0, null, null);
        }

        await using (socket)
        {
            var (echoTime, echoError) = await EchoAsync(socket, options.StepTimeout, token);
            var (pingTime, pingError) = await PingAsync(socket, options.StepTimeout, token);

            var clock = Stopwatch.StartNew();
            var pingsBefore = socket.PingsAnswered;
            var survived = await Task.WhenAny(socket.Completion, Task.Delay(idle, token)) != socket.Completion;
            token.ThrowIfCancellationRequested();
            TimeSpan? closedAfter = survived ? null : clock.Elapsed;
            var serverPings = socket.PingsAnswered - pingsBefore;
            var (afterTime, afterError) = survived ? await PingAsync(socket, options.StepTimeout, token) : (null, null);
            var closedBecause = survived ? null : socket.ClosedBecause;
            await socket.CloseAsync(TimeSpan.FromSeconds(2));
            return new(upgrade, null, echo, echoTime, echoError, pingTime, pingError, idle, closedAfter, closedBecause, serverPings, afterTime, afterError);
        }
    }

    private static bool IsNetworkFailure(Exception e) =>
        e is IOException or System.Net.Sockets.SocketException or TimeoutException or InvalidDataException or System.Security.Authentication.AuthenticationException;

    /// <summary>A session for stickiness: upgrade only, then a polite close. Returns the instance that answered.</summary>
    public static async Task<(string? Instance, string? Problem)> ReconnectAsync(EdgeConnector edge, CancellationToken token)
    {
        await using var tls = await edge.OpenTlsAsync([SslApplicationProtocol.Http11], null, token);
        var handshake = await HandshakeAsync(edge, tls, token);
        var instance = handshake.Response[RealtimeStack.SampleBackends.SampleHeaders.Instance];
        if (handshake.Socket is { } socket)
        {
            await using (socket) await socket.CloseAsync(TimeSpan.FromSeconds(1));
        }
        return (string.IsNullOrEmpty(instance) ? null : instance, handshake.Problem);
    }

    private static async Task<WebSocketHandshake> HandshakeAsync(EdgeConnector edge, SslStream tls, CancellationToken token)
    {
        using var step = CancellationTokenSource.CreateLinkedTokenSource(token);
        step.CancelAfter(edge.Options.StepTimeout);
        var url = edge.Https(Path);
        try
        {
            var handshake = await RawWebSocket.ConnectAsync(tls, url.PathAndQuery, edge.Authority, edge.Cookies.GetCookieHeader(url), step.Token);
            foreach (var setCookie in handshake.Response.All("Set-Cookie"))
            {
                try { edge.Cookies.SetCookies(url, setCookie); }
                catch (System.Net.CookieException) { /* a cookie a browser would reject too */ }
            }
            return handshake;
        }
        catch (OperationCanceledException) when (!token.IsCancellationRequested)
        {
            throw new TimeoutException($"no upgrade response within {DoctorFormat.Duration(edge.Options.StepTimeout)}");
        }
    }

    private static async Task<(TimeSpan?, string?)> EchoAsync(RawWebSocket socket, TimeSpan timeout, CancellationToken token)
    {
        var text = "edge doctor " + Convert.ToHexString(RandomNumberGenerator.GetBytes(4));
        var clock = Stopwatch.StartNew();
        try { await socket.SendTextAsync(text, token); }
        catch (IOException e) { return (null, "could not send the message: " + DoctorFormat.Failure(e)); }
        // The sample backend greets with "connected" first; anything that is not this echo is passed over.
        return await AwaitAsync(socket, m => m.Opcode == WebSocketOpcode.Text && m.Text.Contains(text, StringComparison.Ordinal), clock, timeout, "no echo", token);
    }

    private static async Task<(TimeSpan?, string?)> PingAsync(RawWebSocket socket, TimeSpan timeout, CancellationToken token)
    {
        var payload = RandomNumberGenerator.GetBytes(8);
        var clock = Stopwatch.StartNew();
        try { await socket.SendPingAsync(payload, token); }
        catch (IOException e) { return (null, "could not send the ping: " + DoctorFormat.Failure(e)); }
        return await AwaitAsync(socket, m => m.Opcode == WebSocketOpcode.Pong && m.Payload.AsSpan().SequenceEqual(payload), clock, timeout, "no pong", token);
    }

    private static async Task<(TimeSpan?, string?)> AwaitAsync(RawWebSocket socket, Func<WebSocketMessage, bool> wanted, Stopwatch clock, TimeSpan timeout, string missing, CancellationToken token)
    {
        using var step = CancellationTokenSource.CreateLinkedTokenSource(token);
        step.CancelAfter(timeout);
        try
        {
            while (await socket.ReceiveAsync(step.Token) is { } message)
                if (wanted(message)) return (clock.Elapsed, null);
            return (null, $"{missing}: {socket.ClosedBecause ?? "the connection closed"}");
        }
        catch (OperationCanceledException) when (!token.IsCancellationRequested)
        {
            return (null, $"{missing} within {DoctorFormat.Duration(timeout)}");
        }
    }
}
