using RealtimeStack.Edge.Nginx;
using RealtimeStack.Edge.Configuration;
using RealtimeStack.Edge.IngressNginx;
using RealtimeStack.Edge.Model;

namespace RealtimeStack.Edge.Tests.Nginx;

public sealed class FailoverRenderingTests
{
    private static NginxConf Conf(params (string, string)[] changes) =>
        NginxConfRenderer.Build(Stacks.Spec([("sseServers", "127.0.0.1:9100,127.0.0.1:9101"), .. changes]), NginxLayout.Local("/tmp/edge"));

    private static Directive Location(NginxConf conf, string path) =>
        conf.TlsServer.Children("location").Single(l => l.Args[^1] == path);

    private static string[] Args(Directive location, string name) => [.. location.Children(name).Single().Args];

    [Fact]
    public void Every_server_is_left_out_for_fail_timeout_after_one_failure()
    {
        var conf = Conf(("failTimeout", "30s"));
        var servers = conf.Http.Children("upstream").SelectMany(u => u.Children("server")).ToArray();
        Assert.Equal(5, servers.Length);
        Assert.All(servers, s => Assert.Equal(["max_fails=1", "fail_timeout=30s"], s.Args.TakeLast(2)));
        // The pinned groups keep their consistent hash, which steps over a server that is out.
        var sse = conf.Http.Children("upstream").Single(u => u.Args[0] == "realtime_sse");
        Assert.Equal(["hash", "server", "server"], sse.Block!.Select(d => d.Name));
    }

    [Theory]
    [InlineData("/api/")]
    [InlineData("/sse/")]
    [InlineData("/ws/")]
    public void Only_failures_before_an_answer_are_retried_and_never_a_sent_post(string path)
    {
        var location = Location(Conf(), path);
        var next = Args(location, "proxy_next_upstream");
        Assert.Equal(["error", "timeout"], next);
        // Retrying a POST/PATCH/LOCK that was sent, or a backend's 5xx answer, could do a thing twice.
        Assert.DoesNotContain("non_idempotent", next);
        Assert.DoesNotContain(next, c => c.StartsWith("http_", StringComparison.Ordinal) || c == "invalid_header");
        Assert.Equal(["3"], Args(location, "proxy_next_upstream_tries"));
        // Retries happen only within twice the connect timeout (5s by default), never after a slow exchange.
        Assert.Equal(["5s"], Args(location, "proxy_connect_timeout"));
        Assert.Equal(["10s"], Args(location, "proxy_next_upstream_timeout"));
    }

    [Fact]
    public void The_retry_window_follows_the_connect_timeout_and_stays_under_the_read_timeouts()
    {
        var conf = Conf(("connectTimeout", "1500ms"));
        Assert.Equal(["3s"], Args(Location(conf, "/api/"), "proxy_next_upstream_timeout"));
        var spec = Stacks.Spec();
        Assert.All(spec.Routes.All, r => Assert.True(UpstreamFailover.RetryWindow(r).Value < r.ReadTimeout.Value,
            $"{r.Path}: a request that timed out reading its answer must not be retried"));
    }

    [Fact]
    public void A_fail_timeout_in_milliseconds_is_refused_because_nginx_reads_whole_seconds()
    {
        var error = Assert.Single(Stacks.Errors(("failTimeout", "1500ms")));
        Assert.Equal("realtime:failTimeout", error.Key);
        Assert.Contains("whole seconds", error.Rule);
    }

    [Fact]
    public void Ingress_nginx_gets_the_same_retry_policy_per_route_and_as_defaults()
    {
        var model = StackModel.Bind(Stacks.Minimal(("mode", "kubernetes"), ("backendImage", "registry.example.com/realtime/backend:1.0"), ("connectTimeout", "3s")));
        const string P = IngressNginxChart.AnnotationPrefix;
        foreach (var route in IngressRoute.All(model.Edge, model.Deployment))
        {
            Assert.Equal("error timeout", route.Annotations[P + "proxy-next-upstream"]);
            Assert.Equal("3", route.Annotations[P + "proxy-next-upstream-tries"]);
            Assert.Equal("6", route.Annotations[P + "proxy-next-upstream-timeout"]);
            Assert.Equal("3", route.Annotations[P + "proxy-connect-timeout"]);
        }
        var config = ControllerValues.ConfigMap(model.Edge);
        Assert.Equal("error timeout", config["proxy-next-upstream"]);
        Assert.Equal("3", config["proxy-next-upstream-tries"]);
        Assert.Equal("6", config["proxy-next-upstream-timeout"]);
        Assert.Equal("false", config["retry-non-idempotent"]);
    }
}
