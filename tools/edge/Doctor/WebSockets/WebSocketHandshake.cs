namespace RealtimeStack.Cli.Doctor.WebSockets;

/// <summary>The answer to an upgrade request: the response head, whether it is a valid 101 for the key sent, and the
/// open socket when it is.</summary>
public sealed record WebSocketHandshake(HttpResponseHead Response, bool Upgraded, string? Problem, RawWebSocket? Socket);
