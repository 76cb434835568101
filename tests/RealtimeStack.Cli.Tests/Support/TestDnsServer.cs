using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace RealtimeStack.Cli.Tests.Support;

/// <summary>
/// An authoritative DNS server for tests, on UDP 127.0.0.1 and a free port: it answers A queries for the names in
/// its table (which a test changes while it runs) with a short TTL, NOERROR without records for other types of a
/// known name, NXDOMAIN for unknown names, and NOTIMP/FORMERR for what it does not understand. Disposing stops it.
/// </summary>
public sealed class TestDnsServer : IDisposable
{
    public const uint TtlSeconds = 1;

    private const ushort TypeA = 1;
    private const ushort ClassIn = 1;
    private const int HeaderLength = 12;

    private readonly UdpClient _udp = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly ConcurrentDictionary<string, IPAddress> _records = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, int> _queries = new(StringComparer.OrdinalIgnoreCase);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public TestDnsServer() => _loop = Task.Run(ServeAsync);

    public IPEndPoint Endpoint => (IPEndPoint)_udp.Client.LocalEndPoint!;

    /// <summary>Makes <paramref name="name"/> answer <paramref name="address"/> (IPv4) from now on.</summary>
    public void Set(string name, IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetwork) throw new ArgumentException("only IPv4 (A records)", nameof(address));
        _records[name.TrimEnd('.')] = address;
    }

    /// <summary>How many queries of any type asked for <paramref name="name"/>.</summary>
    public int QueriesFor(string name) => _queries.GetValueOrDefault(name.TrimEnd('.'));

    public void Dispose()
    {
        _stop.Cancel();
        _udp.Dispose();
        try { _loop.Wait(TimeSpan.FromSeconds(5)); }
        catch (AggregateException) { }
        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            UdpReceiveResult request;
            try { request = await _udp.ReceiveAsync(_stop.Token); }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException) { return; }
            if (Answer(request.Buffer) is { } response)
            {
                try { await _udp.SendAsync(response, request.RemoteEndPoint, _stop.Token); }
                catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException) { return; }
            }
        }
    }

    /// <summary>The response to one query message, or null when it is too short to answer at all.</summary>
    public byte[]? Answer(ReadOnlySpan<byte> query)
    {
        if (query.Length < HeaderLength) return null;
        var flags = BinaryPrimitives.ReadUInt16BigEndian(query[2..]);
        if ((flags & 0x8000) != 0) return null; // a response, not a query
        var opcode = (flags >> 11) & 0xF;
        if (opcode != 0) return Header(query, flags, Rcode.NotImplemented, questions: 0, answers: 0);
        if (BinaryPrimitives.ReadUInt16BigEndian(query[4..]) != 1) return Header(query, flags, Rcode.FormatError, questions: 0, answers: 0);
        if (ReadName(query, out var nameEnd) is not { } name || nameEnd + 4 > query.Length)
            return Header(query, flags, Rcode.FormatError, questions: 0, answers: 0);
        var type = BinaryPrimitives.ReadUInt16BigEndian(query[nameEnd..]);
        var @class = BinaryPrimitives.ReadUInt16BigEndian(query[(nameEnd + 2)..]);
        var question = query[HeaderLength..(nameEnd + 4)];
        _queries.AddOrUpdate(name, 1, (_, n) => n + 1);

        if (!_records.TryGetValue(name, out var address)) return [.. Header(query, flags, Rcode.NameError, 1, 0), .. question];
        if (type != TypeA || @class != ClassIn) return [.. Header(query, flags, Rcode.NoError, 1, 0), .. question];
        var answer = new byte[16];
        BinaryPrimitives.WriteUInt16BigEndian(answer, 0xC000 | HeaderLength); // the name, as a pointer to the question's
        BinaryPrimitives.WriteUInt16BigEndian(answer.AsSpan(2), TypeA);
        BinaryPrimitives.WriteUInt16BigEndian(answer.AsSpan(4), ClassIn);
        BinaryPrimitives.WriteUInt32BigEndian(answer.AsSpan(6), TtlSeconds);
        BinaryPrimitives.WriteUInt16BigEndian(answer.AsSpan(10), 4);
        address.GetAddressBytes().CopyTo(answer, 12);
        return [.. Header(query, flags, Rcode.NoError, 1, 1), .. question, .. answer];
    }

    // ID echoed; QR and AA set; opcode and RD copied; no recursion available.
    private static byte[] Header(ReadOnlySpan<byte> query, ushort queryFlags, Rcode rcode, ushort questions, ushort answers)
    {
        var header = new byte[HeaderLength];
        query[..2].CopyTo(header);
        var flags = (ushort)(0x8000 | (queryFlags & 0x7800) | 0x0400 | (queryFlags & 0x0100) | (int)rcode);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(2), flags);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(4), questions);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(6), answers);
        return header;
    }

    // The question's name as dotted labels; queries carry no compression pointers, so one is malformed here.
    private static string? ReadName(ReadOnlySpan<byte> message, out int end)
    {
        var labels = new List<string>();
        var at = HeaderLength;
        end = 0;
        while (at < message.Length)
        {
            var length = message[at];
            if (length == 0)
            {
                end = at + 1;
                return labels.Count == 0 ? "" : string.Join('.', labels);
            }
            if (length > 63 || at + 1 + length > message.Length) return null;
            labels.Add(System.Text.Encoding.ASCII.GetString(message.Slice(at + 1, length)));
            at += 1 + length;
        }
        return null;
    }

    private enum Rcode
    {
        NoError = 0,
        FormatError = 1,
        NameError = 3,
        NotImplemented = 4,
    }
}
