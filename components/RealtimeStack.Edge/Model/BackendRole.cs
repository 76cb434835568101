namespace RealtimeStack.Edge.Model;

/// <summary>The three kinds of backend behind the edge, one per route.</summary>
public enum BackendRole
{
    Api,
    Sse,
    Ws,
}
