namespace RealtimeStack.Cli.Doctor.WebSockets;

/// <summary>The fixed part of a frame (RFC 6455 5.2), read before its payload.</summary>
public sealed record WebSocketFrameHeader(bool Final, WebSocketOpcode Opcode, long PayloadLength, byte[]? MaskKey)
{
    public bool IsControl => (byte)Opcode >= 0x8;
}
