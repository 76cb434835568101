using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using RealtimeStack.Cli.Doctor.WebSockets;
using RealtimeStack.SampleBackends;

namespace RealtimeStack.Cli.Tests.Doctor;

/// <summary>The doctor's own WebSocket client against the real sample backend (Kestrel), without nginx between.</summary>
public sealed class RawWebSocketTests : IAsyncLifetime
{
    private SampleBackend _backend = null!;

    public async Task InitializeAsync() => _backend = await SampleBackend.StartAsync(SampleBackendOptions.Loopback("ws-test"));

    public async Task DisposeAsync() => await _backend.DisposeAsync();

    private async Task<(TcpClient Tcp, WebSocketHandshake Handshake)> ConnectAsync(CancellationToken token)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, _backend.Port, token);
        var handshake = await RawWebSocket.ConnectAsync(tcp.GetStream(), "/ws/raw-test", _backend.Address, null, token);
        return (tcp, handshake);
    }

    [Fact]
    public async Task It_upgrades_echoes_and_gets_its_ping_answered()
    {
        using var within = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var (tcp, handshake) = await ConnectAsync(within.Token);
        using var _ = tcp;
        await using var socket = Assert.IsType<RawWebSocket>(handshake.Socket);
        Assert.True(handshake.Upgraded);
        Assert.Equal("ws-test", handshake.Response[SampleHeaders.Instance]);

        Assert.Equal("connected", (await socket.ReceiveAsync(within.Token))?.Text);
        var text = new string('x', 70_000); // a 64-bit length frame each way
        await socket.SendTextAsync(text, within.Token);
        Assert.Equal("echo: " + text, (await socket.ReceiveAsync(within.Token))?.Text);
        await socket.SendPingAsync([1, 2, 3], within.Token);
        var pong = await socket.ReceiveAsync(within.Token);
        Assert.Equal(WebSocketOpcode.Pong, pong?.Opcode);
        Assert.Equal(new byte[] { 1, 2, 3 }, pong?.Payload);
    }

    [Fact]
    public async Task Closing_with_messages_unread_still_ends_at_the_servers_close_frame()
    {
        using var within = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var (tcp, handshake) = await ConnectAsync(within.Token);
        using var _ = tcp;
        await using var socket = Assert.IsType<RawWebSocket>(handshake.Socket);

        var clock = Stopwatch.StartNew();
        await socket.CloseAsync(TimeSpan.FromSeconds(5)); // "connected" is never read

        Assert.True(socket.Completion.IsCompleted);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"close took {clock.Elapsed}");
        Assert.Equal("close frame 1000 bye", socket.ClosedBecause);
    }

    [Fact]
    public async Task A_refused_upgrade_returns_the_response_and_no_socket()
    {
        using var within = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, _backend.Port, within.Token);
        var handshake = await RawWebSocket.ConnectAsync(tcp.GetStream(), "/api/not-a-socket", _backend.Address, null, within.Token);
        Assert.False(handshake.Upgraded);
        Assert.Null(handshake.Socket);
        Assert.Equal(200, handshake.Response.Status);
        Assert.Equal("HTTP 200 OK", handshake.Problem);
    }
}
