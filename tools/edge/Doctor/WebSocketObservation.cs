namespace RealtimeStack.Cli.Doctor;

/// <summary>
/// One WebSocket session over wss: the upgrade, a message round trip, a ping round trip, then an idle period and a
/// ping after it. Each step is null when the session did not get that far; its error says why.
/// </summary>
/// <param name="Upgrade">"101 …" or what came instead; null when no response came (see <see cref="UpgradeError"/>).</param>
/// <param name="ClosedAfter">How long into the idle period the connection was closed, null when it survived.</param>
/// <param name="ServerPings">Pings the server sent during the idle period (answered by the client).</param>
public sealed record WebSocketObservation(
    string? Upgrade,
    string? UpgradeError,
    BackendEcho? Echo,
    TimeSpan? EchoRoundTrip,
    string? EchoError,
    TimeSpan? PingRoundTrip,
    string? PingError,
    TimeSpan Idle,
    TimeSpan? ClosedAfter,
    string? ClosedBecause,
    int ServerPings,
    TimeSpan? PingAfterIdle,
    string? PingAfterIdleError)
{
    public bool Upgraded => Upgrade is not null && UpgradeError is null;
}
