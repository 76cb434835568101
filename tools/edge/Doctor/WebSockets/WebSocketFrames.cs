using System.Buffers.Binary;
using System.Security.Cryptography;

namespace RealtimeStack.Cli.Doctor.WebSockets;

/// <summary>RFC 6455 framing, the client's side: frames it sends are masked, frames it reads need not be.</summary>
public static class WebSocketFrames
{
    /// <summary>One final, masked frame.</summary>
    public static byte[] Encode(WebSocketOpcode opcode, ReadOnlySpan<byte> payload, ReadOnlySpan<byte> maskKey = default)
    {
        Span<byte> mask = stackalloc byte[4];
        if (maskKey.Length == 4) maskKey.CopyTo(mask);
        else RandomNumberGenerator.Fill(mask);
        var lengthBytes = payload.Length < 126 ? 0 : payload.Length <= ushort.MaxValue ? 2 : 8;
        var frame = new byte[2 + lengthBytes + 4 + payload.Length];
        frame[0] = (byte)(0x80 | (byte)opcode);
        switch (lengthBytes)
        {
            case 0: frame[1] = (byte)(0x80 | payload.Length); break;
            case 2: frame[1] = 0x80 | 126; BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(2), (ushort)payload.Length); break;
            default: frame[1] = 0x80 | 127; BinaryPrimitives.WriteUInt64BigEndian(frame.AsSpan(2), (ulong)payload.Length); break;
        }
        var offset = 2 + lengthBytes;
        mask.CopyTo(frame.AsSpan(offset));
        offset += 4;
        for (var i = 0; i < payload.Length; i++) frame[offset + i] = (byte)(payload[i] ^ mask[i % 4]);
        return frame;
    }

    /// <summary>How many bytes the header has in all, given its first two bytes.</summary>
    public static int HeaderLength(byte first, byte second)
    {
        var length = second & 0x7F;
        return 2 + (length == 126 ? 2 : length == 127 ? 8 : 0) + ((second & 0x80) != 0 ? 4 : 0);
    }

    public static WebSocketFrameHeader DecodeHeader(ReadOnlySpan<byte> header)
    {
        var final = (header[0] & 0x80) != 0;
        if ((header[0] & 0x70) != 0) throw new InvalidDataException("reserved bits set: an extension nobody negotiated");
        var opcode = (WebSocketOpcode)(header[0] & 0x0F);
        if (!Enum.IsDefined(opcode)) throw new InvalidDataException($"unknown opcode 0x{(byte)opcode:x}");
        var masked = (header[1] & 0x80) != 0;
        long length = header[1] & 0x7F;
        var offset = 2;
        if (length == 126) { length = BinaryPrimitives.ReadUInt16BigEndian(header[2..]); offset = 4; }
        else if (length == 127)
        {
            var wide = BinaryPrimitives.ReadUInt64BigEndian(header[2..]);
            if (wide > long.MaxValue) throw new InvalidDataException("frame length out of range");
            length = (long)wide;
            offset = 10;
        }
        var key = masked ? header.Slice(offset, 4).ToArray() : null;
        var result = new WebSocketFrameHeader(final, opcode, length, key);
        if (result.IsControl && (length > 125 || !final)) throw new InvalidDataException("a control frame longer than 125 bytes or fragmented");
        return result;
    }

    public static void Unmask(Span<byte> payload, byte[]? key)
    {
        if (key is null) return;
        for (var i = 0; i < payload.Length; i++) payload[i] ^= key[i % 4];
    }

    /// <summary>Sec-WebSocket-Accept for a key: base64(SHA-1(key + the RFC's GUID)). RFC 6455 names SHA-1; it proves
    /// the server read the handshake, nothing secret.</summary>
#pragma warning disable CA5350 // the protocol's algorithm, not a security choice
    public static string AcceptFor(string key) =>
        Convert.ToBase64String(SHA1.HashData(System.Text.Encoding.ASCII.GetBytes(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")));
#pragma warning restore CA5350
}
