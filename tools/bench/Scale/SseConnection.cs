using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;
using RealtimeStack.Local;

namespace RealtimeStack.Benchmark.Scale;

/// <summary>
/// One SSE stream over its own HTTP/1.1 connection, as lean as a client can be (no HttpClient, one 1 KiB buffer),
/// so that ten thousand of them in one process leave the cores to what is measured. Opening it binds the given
/// source address, does TLS when asked, sends the GET, checks for 200 and waits for the stream's first comment, so
/// an open stream is proven end to end. A failure is a <see cref="FleetException"/> that names the phase and the kind.
/// </summary>
public sealed class SseConnection : IAsyncDisposable
{
    private readonly Stream _stream;
    private readonly byte[] _buffer = new byte[1024];
    private int _start;
    private int _end;

    private SseConnection(Stream stream) => _stream = stream;

    public static async Task<SseConnection> OpenAsync(IPEndPoint target, IPAddress source, bool tls, string path, TimeSpan timeout, CancellationToken token)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(token);
        limit.CancelAfter(timeout);
        var phase = "connect";
        Stream? stream = null;
        try
        {
            stream = await Loopback.StreamAsync(target, source, limit.Token);
            if (tls)
            {
                phase = "tls";
                var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
                stream = ssl;
                await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
                {
                    TargetHost = FleetOptions.ServerName,
                    RemoteCertificateValidationCallback = (_, _, _, _) => true,
                }, limit.Token);
            }
            phase = "headers";
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET {path} HTTP/1.1\r\nHost: {FleetOptions.ServerName}\r\nAccept: text/event-stream\r\n\r\n"), limit.Token);
            var connection = new SseConnection(stream);
            var status = await connection.ReadStatusAsync(limit.Token);
            if (status != 200) throw new FleetException($"http {status}", givesUp: true);
            phase = "first line";
            return await connection.FirstLineAsync(limit.Token);
        }
        catch (Exception e)
        {
            if (stream is not null) await stream.DisposeAsync();
            if (e is FleetException) throw;
            throw new FleetException(Kind(phase, e, token.IsCancellationRequested));
        }
    }

    /// <summary>
    /// One SSE stream as a request on an HTTP/2 connection that <paramref name="client"/> shares with other streams,
    /// as a browser carries several tabs' EventSources of one origin over one connection.
    /// </summary>
    public static async Task<SseConnection> OpenSharedAsync(HttpClient client, Uri url, TimeSpan timeout, CancellationToken token)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(token);
        limit.CancelAfter(timeout);
        var phase = "request";
        HttpResponseMessage? response = null;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url) { Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, limit.Token);
            if ((int)response.StatusCode != 200) throw new FleetException($"http {(int)response.StatusCode}", givesUp: true);
            phase = "first line";
            var connection = new SseConnection(await response.Content.ReadAsStreamAsync(limit.Token));
            return await connection.FirstLineAsync(limit.Token);
        }
        catch (Exception e)
        {
            response?.Dispose();
            if (e is FleetException) throw;
            throw new FleetException(Kind(phase, e, token.IsCancellationRequested));
        }
    }

    // The backends open every stream with retry: and a comment: seeing the comment proves the stream end to end.
    private async Task<SseConnection> FirstLineAsync(CancellationToken token)
    {
        while (await ReadLineAsync(token) is { } line)
        {
            if (line.StartsWith("retry: ", StringComparison.Ordinal) && int.TryParse(line.AsSpan(7), out var retry)) Retry = retry;
            if (line.StartsWith(':')) return this;
        }
        throw new FleetException("first line: eof");
    }

    /// <summary>The stream's <c>retry:</c> in milliseconds (EventSource's reconnection time), if it sent one.</summary>
    public int? Retry { get; private set; }

    /// <summary>The next line without its line ending, or null at the end of the stream.</summary>
    public async ValueTask<string?> ReadLineAsync(CancellationToken token)
    {
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline >= 0)
            {
                var length = newline - _start;
                if (length > 0 && _buffer[newline - 1] == '\r') length--;
                var line = Encoding.ASCII.GetString(_buffer, _start, length);
                _start = newline + 1;
                return line;
            }
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }
            if (_end == _buffer.Length) _end = 0; // a line longer than the buffer: not one of ours, dropped
            var read = await _stream.ReadAsync(_buffer.AsMemory(_end), token);
            if (read == 0) return null;
            _end += read;
        }
    }

    private async Task<int> ReadStatusAsync(CancellationToken token)
    {
        var statusLine = await ReadLineAsync(token) ?? throw new FleetException("headers: eof");
        var parts = statusLine.Split(' ', 3);
        if (parts.Length < 2 || !int.TryParse(parts[1], out var status)) throw new FleetException("headers: not HTTP");
        while (await ReadLineAsync(token) is { Length: > 0 }) { }
        return status;
    }

    /// <summary>"phase: what happened", the key the benchmark counts errors by.</summary>
    public static string Kind(string phase, Exception e, bool stopping)
    {
        if (e is OperationCanceledException) return stopping ? $"{phase}: stopped" : $"{phase}: timeout";
        var inner = e;
        while (inner.InnerException is not null && inner is not SocketException) inner = inner.InnerException;
        return inner switch
        {
            SocketException s => $"{phase}: {s.SocketErrorCode}",
            AuthenticationException => $"{phase}: handshake refused",
            IOException io when io.Message.Contains("EOF", StringComparison.OrdinalIgnoreCase) => $"{phase}: eof",
            _ => $"{phase}: {inner.GetType().Name}",
        };
    }

    public ValueTask DisposeAsync() => _stream.DisposeAsync();
}
