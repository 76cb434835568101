namespace RealtimeStack.Edge.Model;

/// <summary>What a route carries, which decides buffering, compression and upgrade handling.</summary>
public enum RouteKind
{
    Api,
    ServerSentEvents,
    WebSocket,
}
