using System.Net;
using System.Net.Sockets;

namespace RealtimeStack.Local;

/// <summary>
/// TCP connections to a local edge or backend: always to 127.0.0.1 (whatever name a URL carries for SNI and Host),
/// from another loopback address when a caller needs more than one client (127.0.0.2, …; Linux routes all of 127/8
/// locally).
/// </summary>
public static class Loopback
{
    // Linux IP_BIND_ADDRESS_NO_PORT: a bound source address gets its port at connect time, unique per destination,
    // so thousands of connections from one address do not use up its ephemeral ports.
    private const int IpProtocolLevel = 0;
    private const int BindAddressNoPort = 24;

    public static Task<Socket> ConnectAsync(int port, IPAddress? from, CancellationToken token) =>
        ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), from, token);

    public static async Task<Socket> ConnectAsync(IPEndPoint target, IPAddress? from, CancellationToken token)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            if (from is not null)
            {
                socket.SetRawSocketOption(IpProtocolLevel, BindAddressNoPort, BitConverter.GetBytes(1));
                socket.Bind(new IPEndPoint(from, 0));
            }
            await socket.ConnectAsync(target, token);
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

    /// <summary>A connection to <paramref name="target"/> as an HTTP handler's ConnectCallback returns it.</summary>
    public static async ValueTask<Stream> StreamAsync(IPEndPoint target, IPAddress? from, CancellationToken token) =>
        new NetworkStream(await ConnectAsync(target, from, token), ownsSocket: true);
}
