using RealtimeStack.Edge.Model;
using static RealtimeStack.Edge.Nginx.Directive;

namespace RealtimeStack.Edge.Nginx;

/// <summary>
/// The access log, one JSON object a line, made for streams: a stream's line is written when it closes, so
/// request_time is how long it lived and upstream_addr/upstream_status say which backend held it and how it ended.
/// route names the location that answered (api, sse, ws; "-" for anything else).
/// </summary>
public static class AccessLogFormat
{
    public const string Name = "realtime_json";

    /// <summary>Set by each route's location; the map gives every other request (health, 404s, the catch-all
    /// servers) "-" rather than an uninitialized variable, which nginx would warn about on every request.</summary>
    public const string RouteVariable = "$realtime_route";

    /// <summary>Field name and nginx variable, in log order. Numbers are written bare; the upstream fields stay
    /// strings because nginx lists one value per tried server ("10.0.0.1:80, 10.0.0.2:80") or "-".</summary>
    public static IReadOnlyList<(string Field, string Variable, bool Number)> Fields { get; } =
    [
        ("time", "$time_iso8601", false),
        ("remote_addr", "$remote_addr", false),
        ("host", "$host", false),
        ("method", "$request_method", false),
        ("uri", "$request_uri", false),
        ("protocol", "$server_protocol", false),
        ("route", RouteVariable, false),
        ("status", "$status", true),
        ("body_bytes_sent", "$body_bytes_sent", true),
        ("request_time", "$request_time", true),
        ("upstream_addr", "$upstream_addr", false),
        ("upstream_status", "$upstream_status", false),
        ("upstream_connect_time", "$upstream_connect_time", false),
        ("upstream_response_time", "$upstream_response_time", false),
        ("connection", "$connection", true),
        ("connection_requests", "$connection_requests", true),
        ("request_id", "$request_id", false),
    ];

    /// <summary>The route name a location logs.</summary>
    public static string RouteName(RouteKind kind) => kind switch
    {
        RouteKind.Api => "api",
        RouteKind.ServerSentEvents => "sse",
        _ => "ws",
    };

    /// <summary>http-level: the default route and the format. escape=json makes nginx escape every value for JSON.</summary>
    public static IEnumerable<Directive> Http()
    {
        yield return Blocked("map", ["$host", RouteVariable], [Simple("default", "-")]);
        // One quoted piece per field (nginx joins them): the JSON object's braces, quotes and commas are fixed here.
        var pieces = Fields.Select((f, i) =>
            new QuotedText((i == 0 ? "{" : ",") + $"\"{f.Field}\":" + (f.Number ? f.Variable : $"\"{f.Variable}\"") + (i == Fields.Count - 1 ? "}" : "")));
        yield return WithQuoted("log_format", [Name, "escape=json"], pieces);
    }

    /// <summary>The access log in this format, where the layout keeps it.</summary>
    public static Directive AccessLog(string path) => Simple("access_log", path, Name);

    /// <summary>In a route's location: overrides the map's default for the request (a variable set by set is what
    /// the log reads).</summary>
    public static Directive SetRoute(RouteKind kind) => Simple("set", RouteVariable, RouteName(kind));
}
