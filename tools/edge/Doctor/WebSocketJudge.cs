namespace RealtimeStack.Cli.Doctor;

/// <summary>Judges a <see cref="WebSocketObservation"/>: upgrade, echo, ping, and surviving the idle period.
/// Without an upgrade the rest cannot be measured and is skipped, so the one defect is named once.</summary>
public static class WebSocketJudge
{
    public static IReadOnlyList<CheckResult> Judge(WebSocketObservation o)
    {
        var upgrade = DoctorChecks.WsUpgrade;
        var echo = DoctorChecks.WsEcho;
        var ping = DoctorChecks.WsPing;
        var idle = DoctorChecks.WsIdle;
        if (!o.Upgraded)
        {
            var what = o.Upgrade is null ? $"no upgrade: {o.UpgradeError}" : $"{o.UpgradeError} instead of 101 Switching Protocols";
            var told = o.Echo?.Echoes == true && o.Echo.Instance is not null ? $" (from backend {o.Echo.Instance})" : "";
            const string needs = "needs an upgraded WebSocket (ws-upgrade failed)";
            return [upgrade.Fail(what + told), echo.Skip(needs), ping.Skip(needs), idle.Skip(needs)];
        }
        var instance = o.Echo?.Instance is { } name ? $", backend {name}" : "";
        return
        [
            upgrade.Pass($"{o.Upgrade} over wss (HTTP/1.1{instance})"),
            o.EchoRoundTrip is { } echoTime ? echo.Pass($"echoed in {DoctorFormat.Duration(echoTime)}") : echo.Fail(o.EchoError ?? "no echo"),
            o.PingRoundTrip is { } pingTime ? ping.Pass($"pong in {DoctorFormat.Duration(pingTime)}") : ping.Fail(o.PingError ?? "no pong"),
            Idle(o),
        ];
    }

    private static CheckResult Idle(WebSocketObservation o)
    {
        var check = DoctorChecks.WsIdle;
        var asked = DoctorFormat.Duration(o.Idle);
        if (o.ClosedAfter is { } closed)
            return check.Fail($"closed after {DoctorFormat.Duration(closed)} without traffic ({o.ClosedBecause ?? "closed"}); it had to stay open {asked}");
        var pings = o.ServerPings > 0 ? $", {o.ServerPings} server ping(s) answered meanwhile" : "";
        return o.PingAfterIdle is { } after
            ? check.Pass($"open after {asked} without traffic{pings}; ping answered in {DoctorFormat.Duration(after)}")
            : check.Fail($"open after {asked}, but then {o.PingAfterIdleError ?? "no pong"}");
    }
}
