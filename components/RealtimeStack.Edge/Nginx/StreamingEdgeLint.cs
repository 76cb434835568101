using RealtimeStack.Edge.Model;

namespace RealtimeStack.Edge.Nginx;

/// <summary>
/// Checks a configuration (rendered or hand-written) against what a streaming edge needs: the mistakes the source
/// article makes and the nginx rules behind them (see docs/article.md). Works on the parsed tree, so the article's text
/// and the renderer's output are judged by the same code.
/// </summary>
public static class StreamingEdgeLint
{
    public const string ForwardedHeaders = "forwarded-headers";
    public const string SseBuffering = "sse-buffering";
    public const string AccelBufferingNoop = "x-accel-buffering-noop";
    public const string SseGzip = "sse-gzip";
    public const string EventsCapacity = "events-capacity";
    public const string ApiKeepalive = "api-keepalive";
    public const string WsUpgrade = "ws-upgrade";
    public const string Http2Syntax = "http2-syntax";
    public const string StreamTimeout = "stream-timeout";

    private static readonly string[] RequiredForwarded = ["Host", "X-Real-IP", "X-Forwarded-For"];

    public static IReadOnlyList<LintFinding> Check(NginxConf conf, NginxVersion target, int maxStreams, string apiPath = "/api/", string ssePath = "/sse/", string wsPath = "/ws/")
    {
        var findings = new List<LintFinding>();
        var http = conf.Main.FirstOrDefault(d => d.Name == "http");
        if (http is null) return [new LintFinding(EventsCapacity, "main", "no http block.", "render the complete file.")];
        CheckCapacity(conf, maxStreams, findings);
        foreach (var server in http.Children("server"))
        {
            CheckHttp2(server, target, findings);
            foreach (var location in server.Children("location"))
            {
                var path = location.Args.Count > 0 ? location.Args[^1] : "";
                var where = $"location {string.Join(' ', location.Args)}";
                if (!location.Children("proxy_pass").Any()) continue;
                CheckForwarded(http, server, location, where, findings);
                if (path == ssePath) CheckSse(http, server, location, where, findings);
                if (path == wsPath) CheckWs(http, location, where, findings);
                if (path == apiPath) CheckApiKeepalive(http, server, location, where, findings);
                if (path == ssePath || path == wsPath) CheckStreamTimeout(http, server, location, where, findings);
            }
        }
        return findings;
    }

    private static void CheckCapacity(NginxConf conf, int maxStreams, List<LintFinding> findings)
    {
        // Per worker: all streams, or an even share when worker_processes is a number (listeners use reuseport).
        var workers = conf.Main.Where(d => d.Name == "worker_processes").Select(d => int.TryParse(d.Args[0], out var n) ? n : 1).FirstOrDefault(1);
        var needed = workers > 1 ? (int)Math.Ceiling(2.0 * maxStreams / workers) : 2 * maxStreams;
        var events = conf.Main.FirstOrDefault(d => d.Name == "events");
        var connections = events?.Children("worker_connections").Select(d => (int?)int.Parse(d.Args[0], System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
        if (connections is null || connections < needed)
            findings.Add(new LintFinding(EventsCapacity, "events", $"worker_connections is {connections?.ToString() ?? "unset (default 512)"}, but {maxStreams} streams need {needed} per worker: each proxied stream holds a client and an upstream connection.",
                $"events {{ worker_connections {needed + CapacitySpec.Reserve}; }} (realtime:maxStreams sizes it)."));
        var rlimit = conf.Main.Where(d => d.Name == "worker_rlimit_nofile").Select(d => (int?)int.Parse(d.Args[0], System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
        if (rlimit is null || rlimit < (connections ?? needed))
            findings.Add(new LintFinding(EventsCapacity, "main", $"worker_rlimit_nofile is {rlimit?.ToString() ?? "unset (the process limit, often 1024)"}, below worker_connections.",
                "worker_rlimit_nofile above worker_connections, and a container nofile ulimit that allows it."));
        if (!conf.Main.Any(d => d.Name == "worker_shutdown_timeout"))
            findings.Add(new LintFinding(EventsCapacity, "main", "no worker_shutdown_timeout: after a reload, old workers keep streams open indefinitely and pile up.",
                "worker_shutdown_timeout 10m; with heartbeats and clients that reconnect."));
    }

    private static void CheckHttp2(Directive server, NginxVersion target, List<LintFinding> findings)
    {
        var listenHttp2 = server.Children("listen").Any(l => l.Args.Contains("http2"));
        var directive = server.Children("http2").Any();
        if (target.HasHttp2Directive && listenHttp2)
            findings.Add(new LintFinding(Http2Syntax, "server", $"'listen … http2' is deprecated from nginx {NginxVersion.Http2Directive} (target {target}).", "listen 443 ssl; http2 on;"));
        if (!target.HasHttp2Directive && directive)
            findings.Add(new LintFinding(Http2Syntax, "server", $"'http2 on;' does not exist before nginx {NginxVersion.Http2Directive} (target {target}).", "listen 443 ssl http2;"));
    }

    // proxy_set_header is inherited only by a level that defines none of its own.
    private static IReadOnlyList<Directive> Effective(string name, params Directive[] innermostFirst) =>
        innermostFirst.Select(level => level.Children(name).ToArray()).FirstOrDefault(set => set.Length > 0) ?? [];

    private static string? EffectiveValue(string name, params Directive[] innermostFirst) =>
        innermostFirst.Select(level => level.Children(name).LastOrDefault()?.Args is { Count: > 0 } args ? args[0] : null).FirstOrDefault(v => v is not null);

    private static void CheckForwarded(Directive http, Directive server, Directive location, string where, List<LintFinding> findings)
    {
        var headers = Effective("proxy_set_header", location, server, http).Select(d => d.Args[0]).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = RequiredForwarded.Where(h => !headers.Contains(h)).ToArray();
        if (missing.Length > 0)
            findings.Add(new LintFinding(ForwardedHeaders, where, $"the backend does not get {string.Join(", ", missing)}: a level that sets any proxy_set_header inherits none from above.",
                "repeat proxy_set_header Host $host; X-Real-IP $remote_addr; X-Forwarded-For $proxy_add_x_forwarded_for; in this location."));
    }

    private static void CheckSse(Directive http, Directive server, Directive location, string where, List<LintFinding> findings)
    {
        var buffering = EffectiveValue("proxy_buffering", location, server, http) ?? "on";
        var accel = Effective("add_header", location, server, http).Any(d => d.Args[0].Equals("X-Accel-Buffering", StringComparison.OrdinalIgnoreCase));
        if (buffering != "off")
            findings.Add(new LintFinding(SseBuffering, where, "proxy_buffering is on: events wait in nginx's buffer" + (accel ? " (add_header X-Accel-Buffering only tells a proxy in front of this nginx)." : "."),
                "proxy_buffering off; in the SSE location (ingress-nginx: nginx.ingress.kubernetes.io/proxy-buffering: \"off\")."));
        if (accel)
            findings.Add(new LintFinding(AccelBufferingNoop, where, "add_header X-Accel-Buffering sets the header on nginx's response; nginx reads it only from the upstream's, so it does nothing here.",
                "remove it; rely on proxy_buffering off (or have the backend send X-Accel-Buffering: no)."));
        var gzip = EffectiveValue("gzip", location, server, http) ?? "off";
        var types = Effective("gzip_types", location, server, http).SelectMany(d => d.Args).ToArray();
        if (gzip == "on" && (types.Contains("text/event-stream") || types.Contains("*")))
            findings.Add(new LintFinding(SseGzip, where, "gzip applies to text/event-stream: the compressor holds events back.", "gzip off; in the SSE location."));
    }

    private static void CheckWs(Directive http, Directive location, string where, List<LintFinding> findings)
    {
        var headers = location.Children("proxy_set_header").ToDictionary(d => d.Args[0], d => d.Args.ElementAtOrDefault(1) ?? "", StringComparer.OrdinalIgnoreCase);
        var upgrade = headers.TryGetValue("Upgrade", out var u) && u == "$http_upgrade";
        var connection = headers.TryGetValue("Connection", out var c) && (c.Equals("upgrade", StringComparison.OrdinalIgnoreCase) || MapsTo(http, c, "upgrade"));
        if (!upgrade || !connection)
            findings.Add(new LintFinding(WsUpgrade, where, "the upgrade is not forwarded (Upgrade and Connection must be set: they are hop-by-hop).",
                "proxy_set_header Upgrade $http_upgrade; proxy_set_header Connection $connection_upgrade; with proxy_http_version 1.1."));
    }

    private static void CheckApiKeepalive(Directive http, Directive server, Directive location, string where, List<LintFinding> findings)
    {
        var upstream = UpstreamOf(http, location);
        if (upstream is null || !upstream.Children("keepalive").Any())
        {
            findings.Add(new LintFinding(ApiKeepalive, where, "the API upstream has no keepalive: every request opens a new connection to a backend.",
                "keepalive 32; in the upstream, and proxy_set_header Connection \"\"; in the location."));
            return;
        }
        var connection = Effective("proxy_set_header", location, server, http).LastOrDefault(d => d.Args[0].Equals("Connection", StringComparison.OrdinalIgnoreCase));
        var value = connection?.Args.ElementAtOrDefault(1);
        var keepsAlive = value is not null && (value.Length == 0 || (value.StartsWith('$') && MapsTo(http, value, "", forEmptyKey: true)));
        if (!keepsAlive)
            findings.Add(new LintFinding(ApiKeepalive, where, value is null
                    ? "Connection is not cleared, so nginx sends 'Connection: close' and the upstream keepalive is never used."
                    : $"Connection is '{value}', which sends 'close' on plain requests (a map with '' close) and defeats upstream keepalive.",
                "proxy_set_header Connection \"\"; (or map '' to '' in the upgrade map)."));
    }

    private static void CheckStreamTimeout(Directive http, Directive server, Directive location, string where, List<LintFinding> findings)
    {
        var raw = EffectiveValue("proxy_read_timeout", location, server, http);
        if (raw is null) return;
        var parsed = Duration.Parse("proxy_read_timeout", raw, max: TimeSpan.FromDays(365));
        if (parsed.Ok && parsed.Value!.Value > TimeSpan.FromHours(6))
            findings.Add(new LintFinding(StreamTimeout, where, $"proxy_read_timeout {raw} keeps dead, half-open connections for that long (it is the gap between reads, not the stream's life).",
                "send heartbeats (SSE comments, WebSocket pings) and keep the timeout near 1h."));
    }

    private static Directive? UpstreamOf(Directive http, Directive location)
    {
        var target = location.Children("proxy_pass").First().Args[0];
        var name = target.Split("://").Last().TrimEnd('/');
        return http.Children("upstream").FirstOrDefault(u => u.Args[0] == name);
    }

    // Whether the map that defines variable sends `value` for the default (an Upgrade header) or for the empty key.
    private static bool MapsTo(Directive http, string variable, string value, bool forEmptyKey = false)
    {
        var map = http.Children("map").FirstOrDefault(m => m.Args.Count == 2 && m.Args[1] == variable);
        var entry = map?.Block?.FirstOrDefault(e => forEmptyKey ? e.Name.Length == 0 : e.Name == "default");
        return entry is { Args.Count: > 0 } && entry.Args[0] == value;
    }
}
