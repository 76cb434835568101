using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RealtimeStack.Cli.Tests.Support;

/// <summary>
/// A minimal HTTP/1.1 backend on 127.0.0.1 that records every request it receives in full (head and body read),
/// then either answers 200 (with <see cref="ResponseHeaders"/>, if any) or closes the connection without a response:
/// a backend that got the request and died before answering, which is what nginx's retry rules have to treat with care.
/// </summary>
public sealed class RecordingBackend : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly ConcurrentQueue<string> _heads = new();

    public RecordingBackend(bool answer, string responseHeaders = "")
    {
        Answers = answer;
        ResponseHeaders = responseHeaders;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public bool Answers { get; }

    /// <summary>Extra header lines of the 200 answer, each ending in CRLF.</summary>
    public string ResponseHeaders { get; }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public string Address => $"127.0.0.1:{Port}";

    /// <summary>Request lines ("POST /api/x?id=1 HTTP/1.0"), in the order they were read.</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    /// <summary>Whole request heads (request line and header lines, CRLF-separated), in the order they were read.</summary>
    public IReadOnlyList<string> Heads => [.. _heads];

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try { socket = await _listener.AcceptSocketAsync(_stop.Token); }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException) { return; }
            _ = ServeAsync(socket);
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        using var _ = socket;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        try
        {
            var received = new List<byte>();
            var buffer = new byte[8192];
            int headEnd;
            while ((headEnd = IndexOfHeadEnd(received)) < 0)
            {
                var read = await socket.ReceiveAsync(buffer, timeout.Token);
                if (read == 0) return;
                received.AddRange(buffer.AsSpan(0, read));
            }
            var head = Encoding.ASCII.GetString([.. received.Take(headEnd)]);
            var lines = head.Split("\r\n");
            var length = lines.Skip(1)
                .Select(l => l.Split(':', 2))
                .Where(p => p.Length == 2 && p[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                .Select(p => int.Parse(p[1].Trim(), System.Globalization.CultureInfo.InvariantCulture))
                .FirstOrDefault();
            while (received.Count - (headEnd + 4) < length)
            {
                var read = await socket.ReceiveAsync(buffer, timeout.Token);
                if (read == 0) return;
                received.AddRange(buffer.AsSpan(0, read));
            }
            _heads.Enqueue(head);
            _requests.Enqueue(lines[0]);
            if (Answers)
                await socket.SendAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\nConnection: close\r\n{ResponseHeaders}\r\nok"), timeout.Token);
            socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or IOException) { }
    }

    private static int IndexOfHeadEnd(List<byte> bytes)
    {
        for (var i = 0; i + 3 < bytes.Count; i++)
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n') return i;
        return -1;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try { await _accepting; }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException) { }
        _stop.Dispose();
    }
}
