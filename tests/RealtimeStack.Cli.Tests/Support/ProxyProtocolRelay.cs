using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RealtimeStack.Cli.Tests.Support;

/// <summary>
/// A load balancer that speaks the PROXY protocol (v1), in miniature: it listens on 127.0.0.1, and for each connection
/// opens one to the target port, sends <c>PROXY TCP4 &lt;client&gt; 127.0.0.1 &lt;sport&gt; &lt;dport&gt;\r\n</c> naming
/// <see cref="Client"/> as the source, then copies bytes both ways until either side closes. Disposing stops the
/// listener and closes every connection it holds.
/// </summary>
public sealed class ProxyProtocolRelay : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _connections = [];
    private readonly Task _accepting;

    private ProxyProtocolRelay(TcpListener listener, int targetPort, IPAddress client)
    {
        _listener = listener;
        _targetPort = targetPort;
        Client = client;
        _accepting = AcceptAsync();
    }

    /// <summary>The address the header names for connections accepted from now on.</summary>
    public IPAddress Client { get; set; }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public static ProxyProtocolRelay Start(int targetPort, IPAddress client)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return new ProxyProtocolRelay(listener, targetPort, client);
    }

    /// <summary>The header line, as the PROXY protocol v1 specification spells it.</summary>
    public static byte[] Header(IPAddress source, IPAddress destination, int sourcePort, int destinationPort) =>
        Encoding.ASCII.GetBytes($"PROXY TCP4 {source} {destination} {sourcePort} {destinationPort}\r\n");

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket accepted;
            try { accepted = await _listener.AcceptSocketAsync(_stop.Token); }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException) { return; }
            lock (_connections) _connections.Add(RelayAsync(accepted, Client));
        }
    }

    private async Task RelayAsync(Socket downstream, IPAddress client)
    {
        using var upstream = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using (downstream)
        {
            try
            {
                await upstream.ConnectAsync(IPAddress.Loopback, _targetPort, _stop.Token);
                var sourcePort = ((IPEndPoint)downstream.RemoteEndPoint!).Port;
                await upstream.SendAsync(Header(client, IPAddress.Loopback, sourcePort, _targetPort), SocketFlags.None, _stop.Token);
                await Task.WhenAll(CopyAsync(downstream, upstream), CopyAsync(upstream, downstream));
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException) { }
        }
    }

    /// <summary>Copies until <paramref name="from"/> ends, then ends the other side's sending half, as a proxy does.</summary>
    private async Task CopyAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await from.ReceiveAsync(buffer, SocketFlags.None, _stop.Token)) > 0)
                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, _stop.Token);
            to.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // One side went away: close both, so the other copy ends too.
            from.Close();
            to.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        Task[] connections;
        lock (_connections) connections = [.. _connections];
        await Task.WhenAll(connections.Append(_accepting)).WaitAsync(TimeSpan.FromSeconds(10));
        _stop.Dispose();
    }
}
