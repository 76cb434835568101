using RealtimeStack.Cli.Doctor.WebSockets;

namespace RealtimeStack.Cli.Tests.Doctor;

/// <summary>The raw WebSocket client's framing against RFC 6455's own examples and length boundaries.</summary>
public sealed class WebSocketFramesTests
{
    [Fact]
    public void A_masked_hello_is_the_rfc_example()
    {
        // RFC 6455 5.7: a single-frame masked text message "Hello".
        var frame = WebSocketFrames.Encode(WebSocketOpcode.Text, "Hello"u8, [0x37, 0xfa, 0x21, 0x3d]);

        Assert.Equal(new byte[] { 0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58 }, frame);
    }

    [Fact]
    public void The_accept_key_is_the_rfc_example() =>
        Assert.Equal("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", WebSocketFrames.AcceptFor("dGhlIHNhbXBsZSBub25jZQ=="));

    [Theory]
    [InlineData(0)]
    [InlineData(125)]
    [InlineData(126)]
    [InlineData(65535)]
    [InlineData(65536)]
    public void Every_length_encoding_reads_back(int length)
    {
        var payload = Enumerable.Range(0, length).Select(i => (byte)i).ToArray();
        var frame = WebSocketFrames.Encode(WebSocketOpcode.Binary, payload);

        var headerLength = WebSocketFrames.HeaderLength(frame[0], frame[1]);
        var header = WebSocketFrames.DecodeHeader(frame.AsSpan(0, headerLength));
        var body = frame[headerLength..];
        WebSocketFrames.Unmask(body, header.MaskKey);

        Assert.True(header.Final);
        Assert.Equal(WebSocketOpcode.Binary, header.Opcode);
        Assert.Equal(length, header.PayloadLength);
        Assert.Equal(frame.Length - length, headerLength);
        Assert.Equal(payload, body);
    }

    [Fact]
    public void An_unmasked_server_frame_decodes_without_a_key()
    {
        var header = WebSocketFrames.DecodeHeader([0x8A, 0x04]); // a final pong with 4 bytes

        Assert.Equal(WebSocketOpcode.Pong, header.Opcode);
        Assert.Equal(4, header.PayloadLength);
        Assert.Null(header.MaskKey);
    }

    [Theory]
    [InlineData(new byte[] { 0x89, 0x7E, 0x00, 0x7E })] // a ping of 126 bytes
    [InlineData(new byte[] { 0x09, 0x00 })] // a fragmented ping
    [InlineData(new byte[] { 0xC1, 0x00 })] // RSV1 set without an extension
    [InlineData(new byte[] { 0x83, 0x00 })] // opcode 3 is reserved
    public void Protocol_violations_are_refused(byte[] header) =>
        Assert.Throws<InvalidDataException>(() => WebSocketFrames.DecodeHeader(header));
}
