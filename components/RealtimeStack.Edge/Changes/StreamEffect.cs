namespace RealtimeStack.Edge.Changes;

/// <summary>What happens to the SSE and WebSocket streams open when the change is applied.</summary>
public enum StreamEffect
{
    /// <summary>Untouched.</summary>
    Kept,

    /// <summary>They stay on nginx's old workers until they end or <c>workerShutdownTimeout</c> passes; new ones get the new configuration.</summary>
    KeptUntilShutdownTimeout,

    /// <summary>Their pod stops taking new ones and has until its grace period to let them end; then they are cut. Clients reconnect elsewhere.</summary>
    Drained,

    /// <summary>Cut when the change is applied; clients must reconnect (EventSource does, with Last-Event-ID).</summary>
    Cut,
}
