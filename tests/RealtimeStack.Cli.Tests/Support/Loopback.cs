using System.Net;
using System.Net.Sockets;

namespace RealtimeStack.Cli.Tests.Support;

/// <summary>
/// TCP connections to the local edge: always to 127.0.0.1 (whatever name a URL carries for SNI and Host), from
/// another loopback address when a test needs a second client (127.0.0.2, …; Linux routes all of 127/8 locally).
/// </summary>
public static class Loopback
{
    public static async Task<Socket> ConnectAsync(int port, IPAddress? from, CancellationToken token)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            if (from is not null) socket.Bind(new IPEndPoint(from, 0));
            await socket.ConnectAsync(IPAddress.Loopback, port, token);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>A connection as an HTTP handler's ConnectCallback returns it.</summary>
    public static async ValueTask<Stream> StreamAsync(int port, IPAddress? from, CancellationToken token) =>
        new NetworkStream(await ConnectAsync(port, from, token), ownsSocket: true);
}
