using System.Net;

namespace RealtimeStack.Cli.Doctor;

/// <summary>
/// Judges what each route's backend was told. Host must be the client's host; X-Real-IP an address; the last entry
/// of X-Forwarded-For that same address (what <c>$proxy_add_x_forwarded_for</c> appends). A location that sets its own
/// proxy_set_header (the WebSocket one sets Upgrade and Connection) loses the inherited ones: the per-route view
/// shows exactly that.
/// </summary>
public static class ForwardedHeadersJudge
{
    public static CheckResult Judge(IReadOnlyList<BackendEcho?> echoes, string host, string authority, IPAddress? clientAddress)
    {
        var check = DoctorChecks.ForwardedHeaders;
        var seen = echoes.OfType<BackendEcho>().Where(e => e.Echoes).ToList();
        if (seen.Count == 0) return check.Skip("no backend echoed the headers it received (the sample backends send X-Seen-*)");
        var notSeen = echoes.OfType<BackendEcho>().Where(e => !e.Echoes).Select(e => e.Route).ToList();
        var problems = new List<string>();
        var views = new List<(string Route, string View)>();
        foreach (var echo in seen)
        {
            var issues = Problems(echo, host, authority);
            if (issues.Count > 0) problems.Add($"{echo.Route}: {string.Join(", ", issues)}");
            views.Add((echo.Route, $"Host {Show(echo.Host)}, X-Real-IP {Show(echo.RealIp)}{Client(echo.RealIp, clientAddress)}, X-Forwarded-For {Show(echo.ForwardedFor)}"));
        }
        var unseen = notSeen.Count > 0 ? $" ({string.Join(", ", notSeen)}: not echoed)" : "";
        if (problems.Count > 0) return check.Fail(string.Join("; ", problems) + unseen);
        var grouped = views.GroupBy(v => v.View).Select(g => $"{string.Join(", ", g.Select(v => v.Route))}: {g.Key}");
        return check.Pass(string.Join("; ", grouped) + unseen);
    }

    private static List<string> Problems(BackendEcho echo, string host, string authority)
    {
        var issues = new List<string>();
        if (string.IsNullOrEmpty(echo.Host)) issues.Add("no Host");
        else if (!string.Equals(echo.Host, host, StringComparison.OrdinalIgnoreCase) && !string.Equals(echo.Host, authority, StringComparison.OrdinalIgnoreCase))
            issues.Add($"Host '{echo.Host}' (expected '{host}')");
        var realIp = IPAddress.TryParse(echo.RealIp, out var address) ? address : null;
        if (string.IsNullOrEmpty(echo.RealIp)) issues.Add("no X-Real-IP");
        else if (realIp is null) issues.Add($"X-Real-IP '{echo.RealIp}' is not an address");
        if (string.IsNullOrEmpty(echo.ForwardedFor)) issues.Add("no X-Forwarded-For");
        else
        {
            var last = echo.ForwardedFor.Split(',').Last().Trim();
            if (!IPAddress.TryParse(last, out var lastAddress)) issues.Add($"X-Forwarded-For '{echo.ForwardedFor}' does not end with an address");
            else if (realIp is not null && !lastAddress.Equals(realIp))
                issues.Add($"X-Forwarded-For '{echo.ForwardedFor}' does not end with the X-Real-IP {realIp}");
        }
        return issues;
    }

    private static string Show(string? value) => string.IsNullOrEmpty(value) ? "(none)" : value;

    private static string Client(string? realIp, IPAddress? client) =>
        client is not null && IPAddress.TryParse(realIp, out var address) && address.Equals(client) ? " (this client)" : "";
}
