using System.Text;

namespace RealtimeStack.Cli.Doctor.WebSockets;

/// <summary>A whole message (fragments joined) or a pong, as received.</summary>
public sealed record WebSocketMessage(WebSocketOpcode Opcode, byte[] Payload)
{
    public string Text => Encoding.UTF8.GetString(Payload);
}
