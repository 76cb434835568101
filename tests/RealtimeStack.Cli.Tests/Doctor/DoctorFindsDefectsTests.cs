using RealtimeStack.Cli.LocalEdges;
using RealtimeStack.Cli.Tests.Support;
using RealtimeStack.Edge.Nginx;

namespace RealtimeStack.Cli.Tests.Doctor;

/// <summary>
/// Real nginx running the project's configuration with exactly one defect each (the article's troubleshooting list):
/// the doctor names that defect, prints its fix, and fails nothing else.
/// </summary>
public sealed class DoctorFindsDefectsTests
{
    public static TheoryData<string> Defects => new(DefectCases.Keys);

    private static readonly Dictionary<string, Defect> DefectCases = new()
    {
        ["proxy_buffering on in the SSE location"] = new(
            Tamper.Set("/sse/", "proxy_buffering", "on"),
            "sse-buffering", "proxy_buffering off;", "nginx.ingress.kubernetes.io/proxy-buffering: \"off\""),
        ["no Upgrade and Connection headers in the WebSocket location"] = new(
            Tamper.Location("/ws/", body =>
            {
                var kept = body.Where(d => !(d.Name == "proxy_set_header" && d.Args[0] is "Upgrade" or "Connection")).ToArray();
                Assert.Equal(body.Count - 2, kept.Length);
                return kept;
            }),
            "ws-upgrade", "proxy_set_header Upgrade $http_upgrade; proxy_set_header Connection $connection_upgrade;", null),
        ["gzip on for text/event-stream in the SSE location"] = new(
            Tamper.Location("/sse/", body =>
            {
                Assert.Contains(body, d => d.Name == "gzip" && d.Args[0] == "off");
                return body.Select(d => d.Name == "gzip" ? d with { Args = ["on"] } : d).Append(Directive.Simple("gzip_types", "text/event-stream"));
            }),
            "sse-gzip", "gzip off;", "gzip-types"),
        ["no redirect server"] = new(
            Tamper.WithoutPlainServer,
            "http-redirect", "return 301 https://$host$request_uri;", "nginx.ingress.kubernetes.io/ssl-redirect: \"true\""),
        ["the article's WebSocket location: its own proxy_set_header hides Host and X-Forwarded-For"] = new(
            Tamper.Location("/ws/", body =>
            {
                var kept = body.Where(d => !(d.Name == "proxy_set_header" && d.Args[0] is "Host" or "X-Forwarded-For" or "X-Forwarded-Proto")).ToArray();
                Assert.Equal(body.Count - 3, kept.Length);
                return kept;
            }),
            "forwarded-headers", "repeated in every location that sets any proxy_set_header of its own", null),
        ["WebSocket proxy_read_timeout shorter than the idle period"] = new(
            Tamper.Set("/ws/", "proxy_read_timeout", "1s"),
            "ws-idle", "proxy_read_timeout 1h;", "nginx.ingress.kubernetes.io/proxy-read-timeout: \"3600\"", IdleSeconds: 3),
    };

    [Theory]
    [MemberData(nameof(Defects))]
    public async Task The_defect_is_the_only_failure_and_its_fix_is_named(string defect)
    {
        var (tamper, failed, nginxFix, ingressFix, idleSeconds) = DefectCases[defect];
        await using var edge = await LocalEdge.StartAsync(LocalStacks.Minimal(), tamper: tamper);

        var run = await CommandRun.DoctorAsync(edge, TimeSpan.FromSeconds(idleSeconds));

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal([failed], run.Failed());
        var check = run.Check(failed);
        Assert.False(string.IsNullOrWhiteSpace(check.GetProperty("measured").GetString()));
        Assert.Contains(nginxFix, check.GetProperty("fix").GetProperty("nginx").GetString());
        if (ingressFix is not null) Assert.Contains(ingressFix, check.GetProperty("fix").GetProperty("ingressNginx").GetString());
    }

    [Fact]
    public async Task The_article_websocket_location_is_seen_from_the_backend()
    {
        await using var edge = await LocalEdge.StartAsync(LocalStacks.Minimal(), tamper: DefectCases["the article's WebSocket location: its own proxy_set_header hides Host and X-Forwarded-For"].Tamper);

        var run = await CommandRun.DoctorAsync(edge, TimeSpan.FromSeconds(1));

        // nginx falls back to the upstream's name for Host and sends no X-Forwarded-For; the other routes are fine.
        Assert.Equal("ws: Host 'realtime_ws' (expected 'edge.test'), no X-Forwarded-For", run.Check("forwarded-headers").GetProperty("measured").GetString());
    }

    [Fact]
    public async Task The_measured_values_say_what_went_wrong()
    {
        // The WebSocket location without Upgrade/Connection: nginx sends a plain request, the backend answers 426.
        await using var edge = await LocalEdge.StartAsync(LocalStacks.Minimal(), tamper: DefectCases["no Upgrade and Connection headers in the WebSocket location"].Tamper);

        var run = await CommandRun.DoctorAsync(edge, TimeSpan.FromSeconds(1), json: false);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("  FAIL  ws-upgrade         HTTP 426 Upgrade Required instead of 101 Switching Protocols (from backend ws-1)", run.Stdout);
        Assert.Contains("fix (nginx): proxy_http_version 1.1; proxy_set_header Upgrade $http_upgrade;", run.Stdout);
        Assert.Contains("  skip  ws-echo            needs an upgraded WebSocket (ws-upgrade failed)", run.Stdout);
        Assert.Contains("1 failed, 4 skipped", run.Stdout);
    }

    [Fact]
    public async Task Plain_http_that_serves_the_app_instead_of_redirecting_fails_the_redirect_check()
    {
        await using var edge = await LocalEdge.StartAsync(LocalStacks.Minimal(("redirectHttp", "false")));

        var run = await CommandRun.DoctorAsync(edge, TimeSpan.FromSeconds(1));

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal(["http-redirect"], run.Failed());
        Assert.Contains("answered 200 without redirecting", run.Check("http-redirect").GetProperty("measured").GetString());
    }

    private sealed record Defect(Func<NginxConf, NginxConf> Tamper, string Failed, string NginxFix, string? IngressFix, int IdleSeconds = 1);
}
