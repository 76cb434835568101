using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;

namespace RealtimeStack.Cli.Doctor.WebSockets;

/// <summary>
/// A minimal RFC 6455 client over an already open (TLS) stream. It exists because ClientWebSocket cannot send a ping
/// on demand, and a ping round trip through the edge is one of the checks. A background reader joins fragments,
/// answers the server's pings (as every client must, also while the doctor holds the socket idle) and ends
/// <see cref="Completion"/> with the reason when the connection closes.
/// </summary>
public sealed class RawWebSocket : IAsyncDisposable
{
    /// <summary>Larger messages are a protocol problem for this client, not something to buffer.</summary>
    public const int MaxMessageBytes = 1024 * 1024;

    private const int MaxHeadBytes = 16 * 1024;

    private readonly Stream _stream;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly Channel<WebSocketMessage> _received = Channel.CreateUnbounded<WebSocketMessage>();
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly byte[] _head = new byte[MaxHeadBytes];
    private int _headStart;
    private int _headEnd;
    private Task _reader = Task.CompletedTask;
    private bool _closeSent;

    private RawWebSocket(Stream stream) => _stream = stream;

    /// <summary>Ends when the connection is closed, for whatever reason (<see cref="ClosedBecause"/>), whether or not
    /// every message was read (the channel's own completion waits for that).</summary>
    public Task Completion => _closed.Task;

    public string? ClosedBecause { get; private set; }

    /// <summary>Pings the server sent and this client answered.</summary>
    public int PingsAnswered { get; private set; }

    /// <summary>Sends the upgrade request on <paramref name="stream"/> and reads the answer. The stream belongs to the
    /// returned socket when the upgrade succeeded, and stays the caller's otherwise.</summary>
    public static async Task<WebSocketHandshake> ConnectAsync(Stream stream, string pathAndQuery, string authority, string? cookie, CancellationToken token)
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        var request = new StringBuilder()
            .Append("GET ").Append(pathAndQuery).Append(" HTTP/1.1\r\n")
            .Append("Host: ").Append(authority).Append("\r\n")
            .Append("Upgrade: websocket\r\n")
            .Append("Connection: Upgrade\r\n")
            .Append("Sec-WebSocket-Key: ").Append(key).Append("\r\n")
            .Append("Sec-WebSocket-Version: 13\r\n")
            .Append("User-Agent: edge-doctor\r\n");
        if (!string.IsNullOrEmpty(cookie)) request.Append("Cookie: ").Append(cookie).Append("\r\n");
        request.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request.ToString()), token);
        await stream.FlushAsync(token);

        var socket = new RawWebSocket(stream);
        var head = await socket.ReadHeadAsync(token);
        string? problem = null;
        if (head.Status != 101) problem = $"HTTP {head.Status} {head.Reason}".TrimEnd();
        else if (!string.Equals(head["Upgrade"], "websocket", StringComparison.OrdinalIgnoreCase)) problem = $"101 with Upgrade: {head["Upgrade"] ?? "(none)"}";
        else if (head["Sec-WebSocket-Accept"] != WebSocketFrames.AcceptFor(key)) problem = "101 with a wrong Sec-WebSocket-Accept";
        if (problem is not null) return new WebSocketHandshake(head, false, problem, null);
        socket._reader = Task.Run(socket.ReadLoopAsync, CancellationToken.None);
        return new WebSocketHandshake(head, true, null, socket);
    }

    public Task SendTextAsync(string text, CancellationToken token) => SendAsync(WebSocketOpcode.Text, Encoding.UTF8.GetBytes(text), token);

    public Task SendPingAsync(byte[] payload, CancellationToken token) => SendAsync(WebSocketOpcode.Ping, payload, token);

    /// <summary>The next message or pong; null once the connection is closed.</summary>
    public async Task<WebSocketMessage?> ReceiveAsync(CancellationToken token)
    {
        while (await _received.Reader.WaitToReadAsync(token))
            if (_received.Reader.TryRead(out var message)) return message;
        return null;
    }

    /// <summary>Sends a normal close and waits (bounded) for the server's.</summary>
    public async Task CloseAsync(TimeSpan wait)
    {
        if (Completion.IsCompleted) return;
        using var bounded = new CancellationTokenSource(wait);
        try
        {
            await SendAsync(WebSocketOpcode.Close, [0x03, 0xE8], bounded.Token); // 1000: normal closure
            await Completion.WaitAsync(bounded.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException) { /* closing anyway */ }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _stream.DisposeAsync();
        try { await _reader; }
        catch (Exception) { /* its reason is recorded already */ }
        _sendLock.Dispose();
        _stop.Dispose();
    }

    private async Task SendAsync(WebSocketOpcode opcode, byte[] payload, CancellationToken token)
    {
        var frame = WebSocketFrames.Encode(opcode, payload);
        await _sendLock.WaitAsync(token);
        try
        {
            if (_closeSent) throw new IOException("the close frame was sent already");
            if (opcode == WebSocketOpcode.Close) _closeSent = true;
            await _stream.WriteAsync(frame, token);
            await _stream.FlushAsync(token);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task<HttpResponseHead> ReadHeadAsync(CancellationToken token)
    {
        while (true)
        {
            var end = _head.AsSpan(0, _headEnd).IndexOf("\r\n\r\n"u8);
            if (end >= 0)
            {
                _headStart = end + 4; // what follows is the first frame's bytes
                return HttpResponseHead.Parse(Encoding.ASCII.GetString(_head, 0, end));
            }
            if (_headEnd == _head.Length) throw new InvalidDataException($"response head longer than {MaxHeadBytes} bytes");
            var read = await _stream.ReadAsync(_head.AsMemory(_headEnd), token);
            if (read == 0) throw new IOException(_headEnd == 0 ? "the connection closed without a response" : "the connection closed inside the response head");
            _headEnd += read;
        }
    }

    /// <summary>Fills <paramref name="target"/> from what the head read left over, then from the stream; false at the end of the stream.</summary>
    private async Task<bool> FillAsync(Memory<byte> target, CancellationToken token)
    {
        var fromHead = Math.Min(target.Length, _headEnd - _headStart);
        if (fromHead > 0)
        {
            _head.AsMemory(_headStart, fromHead).CopyTo(target);
            _headStart += fromHead;
            target = target[fromHead..];
        }
        if (target.Length == 0) return true;
        return await _stream.ReadAtLeastAsync(target, target.Length, throwOnEndOfStream: false, token) == target.Length;
    }

    private async Task ReadLoopAsync()
    {
        var token = _stop.Token;
        string? reason = null;
        var header = new byte[14];
        var message = new MemoryStream();
        WebSocketOpcode? messageOpcode = null;
        try
        {
            while (reason is null)
            {
                if (!await FillAsync(header.AsMemory(0, 2), token)) { reason = "the connection was closed without a close frame"; break; }
                var headerLength = WebSocketFrames.HeaderLength(header[0], header[1]);
                if (!await FillAsync(header.AsMemory(2, headerLength - 2), token)) { reason = "the connection was closed inside a frame"; break; }
                var frame = WebSocketFrames.DecodeHeader(header.AsSpan(0, headerLength));
                if (frame.PayloadLength > MaxMessageBytes) throw new InvalidDataException($"a frame of {frame.PayloadLength} bytes");
                var payload = new byte[frame.PayloadLength];
                if (!await FillAsync(payload, token)) { reason = "the connection was closed inside a frame"; break; }
                WebSocketFrames.Unmask(payload, frame.MaskKey);
                switch (frame.Opcode)
                {
                    case WebSocketOpcode.Ping:
                        await SendAsync(WebSocketOpcode.Pong, payload, token);
                        PingsAnswered++;
                        break;
                    case WebSocketOpcode.Pong:
                        await _received.Writer.WriteAsync(new WebSocketMessage(WebSocketOpcode.Pong, payload), token);
                        break;
                    case WebSocketOpcode.Close:
                        reason = payload.Length >= 2
                            ? $"close frame {BinaryPrimitives.ReadUInt16BigEndian(payload)} {Encoding.UTF8.GetString(payload, 2, payload.Length - 2)}".TrimEnd()
                            : "close frame without a status";
                        if (!_closeSent)
                        {
                            try { await SendAsync(WebSocketOpcode.Close, payload.Length >= 2 ? payload[..2] : [], token); }
                            catch (IOException) { /* the peer may be gone already */ }
                        }
                        break;
                    default:
                        if (frame.Opcode != WebSocketOpcode.Continuation)
                        {
                            if (messageOpcode is not null) throw new InvalidDataException("a new message inside a fragmented one");
                            messageOpcode = frame.Opcode;
                            message.SetLength(0);
                        }
                        else if (messageOpcode is null) throw new InvalidDataException("a continuation frame outside a message");
                        message.Write(payload);
                        if (message.Length > MaxMessageBytes) throw new InvalidDataException($"a message over {MaxMessageBytes} bytes");
                        if (frame.Final)
                        {
                            await _received.Writer.WriteAsync(new WebSocketMessage(messageOpcode.Value, message.ToArray()), token);
                            messageOpcode = null;
                        }
                        break;
                }
            }
        }
        catch (OperationCanceledException) { reason = "closed by this client"; }
        catch (Exception e) when (e is IOException or InvalidDataException or ObjectDisposedException)
        {
            reason = DoctorFormat.Failure(e);
        }
        ClosedBecause = reason;
        _received.Writer.TryComplete();
        _closed.TrySetResult();
    }
}
