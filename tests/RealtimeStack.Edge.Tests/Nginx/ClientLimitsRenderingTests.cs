using RealtimeStack.Edge.Nginx;

namespace RealtimeStack.Edge.Tests.Nginx;

/// <summary>How the client limits, the slow-client bounds and the refusal of unknown names render.</summary>
public sealed class ClientLimitsRenderingTests
{
    private static NginxConf Conf(params (string Key, string Value)[] changes) =>
        NginxConfRenderer.Build(Stacks.Spec(changes), NginxLayout.Local("/tmp/edge"));

    private static string[] Args(Directive parent, string name) => [.. parent.Children(name).Single().Args];

    /// <summary>The arguments of the directive <paramref name="name"/> whose second (or first) argument names <paramref name="zone"/>.</summary>
    private static string[] Zone(Directive parent, string name, string zone) =>
        [.. parent.Children(name).Single(d => d.Args.Any(a => a == zone || a.StartsWith($"zone={zone}:", StringComparison.Ordinal))).Args];

    [Fact]
    public void Slow_client_bounds_are_set_for_the_whole_http_block()
    {
        var http = Conf(("clientHeaderTimeout", "2s"), ("clientBodyTimeout", "1m"), ("largeHeaderBufferSize", "16k")).Http;
        Assert.Equal(["2s"], Args(http, "client_header_timeout"));
        Assert.Equal(["60s"], Args(http, "client_body_timeout"));
        Assert.Equal(["4", "16k"], Args(http, "large_client_header_buffers"));
        // At http level only: in a server, nginx would take the default server's values for the named one.
        Assert.All(Conf().Servers.SelectMany(s => s.Descendants()), d => Assert.DoesNotContain(d.Name, new[] { "client_header_timeout", "large_client_header_buffers" }));
    }

    [Fact]
    public void Streams_share_one_zone_across_sse_and_websocket()
    {
        var conf = Conf(("streamsPerClient", "7"));
        Assert.Equal(["$binary_remote_addr", "zone=realtime_streams:2m"], Zone(conf.Http, "limit_conn_zone", "realtime_streams"));
        Assert.Equal(["429"], Args(conf.Http, "limit_conn_status"));
        Assert.Equal(["realtime_streams", "7"], Args(conf.Location("/sse/"), "limit_conn"));
        Assert.Equal(["realtime_streams", "7"], Args(conf.Location("/ws/"), "limit_conn"));
        // The API counts in a zone of its own (apiRequestsPerClient).
        Assert.Equal(["realtime_api_requests", "200"], Args(conf.Location("/api/"), "limit_conn"));
        Assert.Empty(Conf(("apiRequestsPerClient", "0")).Location("/api/").Children("limit_conn"));
    }

    [Theory]
    [InlineData("1", "1m")]
    [InlineData("8000", "1m")]
    [InlineData("10000", "2m")]
    [InlineData("100000", "13m")]
    public void The_streams_zone_holds_a_state_for_every_stream(string maxStreams, string size)
    {
        Assert.Equal("zone=realtime_streams:" + size, Zone(Conf(("maxStreams", maxStreams)).Http, "limit_conn_zone", "realtime_streams")[1]);
    }

    [Fact]
    public void No_stream_limit_renders_no_zone()
    {
        var conf = Conf(("streamsPerClient", "0"), ("apiRequestsPerClient", "0"));
        Assert.DoesNotContain(conf.All, d => d.Name.StartsWith("limit_conn", StringComparison.Ordinal));
    }

    [Fact]
    public void An_api_rate_limits_the_api_route_only()
    {
        var conf = Conf(("apiRate", "50r/s"), ("apiBurst", "20"));
        Assert.Equal(["$binary_remote_addr", "zone=realtime_api:10m", "rate=50r/s"], Args(conf.Http, "limit_req_zone"));
        Assert.Equal(["429"], Args(conf.Http, "limit_req_status"));
        Assert.Equal(["zone=realtime_api", "burst=20", "nodelay"], Args(conf.Location("/api/"), "limit_req"));
        Assert.Empty(conf.Location("/sse/").Children("limit_req"));
        Assert.Empty(conf.Location("/ws/").Children("limit_req"));
    }

    [Fact]
    public void No_burst_leaves_burst_out_since_nginx_refuses_burst_0()
    {
        Assert.Equal(["zone=realtime_api"], Args(Conf(("apiRate", "600r/m"), ("apiBurst", "0")).Location("/api/"), "limit_req"));
    }

    [Fact]
    public void No_api_rate_by_default()
    {
        Assert.DoesNotContain(Conf().All, d => d.Name.StartsWith("limit_req", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_names_meet_a_catch_all_on_each_listener()
    {
        var conf = Conf();
        var plain = conf.CatchAllServers.Single(s => !Args(s, "listen").Contains("ssl"));
        Assert.Equal(["127.0.0.1:80", "default_server", "reuseport", "backlog=10000"], Args(plain, "listen"));
        Assert.Equal(["204"], Args(plain.Children("location").Single(l => l.Args is ["=", NginxConfRenderer.HealthPath]), "return"));
        Assert.Equal(["444"], Args(plain.Children("location").Single(l => l.Args is ["/"]), "return"));

        var tls = conf.CatchAllServers.Single(s => Args(s, "listen").Contains("ssl"));
        Assert.Equal(["127.0.0.1:443", "ssl", "default_server", "reuseport", "backlog=10000"], Args(tls, "listen"));
        Assert.Equal(["on"], Args(tls, "ssl_reject_handshake"));
        Assert.Equal(["444"], Args(tls, "return"));
        Assert.Empty(tls.Children("ssl_certificate"));
    }

    [Theory]
    [InlineData("true")]
    [InlineData("false")]
    public void Each_address_and_port_carries_its_socket_options_once(string reject)
    {
        // nginx refuses a second listen with reuseport ("duplicate listen options") for the same address:port.
        // The public listeners (the status listener has a port of its own and no socket options).
        var listens = Conf(("rejectUnknownHosts", reject)).Servers.Where(s => !IsStatus(s)).SelectMany(s => s.Children("listen")).GroupBy(l => l.Args[0]);
        Assert.All(listens, port => Assert.Single(port, l => l.Args.Contains("reuseport")));
        Assert.All(listens, port => Assert.True(port.Count(l => l.Args.Contains("default_server")) <= 1));
    }

    [Fact]
    public void Off_renders_only_the_named_servers()
    {
        var conf = Conf(("rejectUnknownHosts", "false"));
        Assert.Equal(2, conf.Servers.Count(s => !IsStatus(s)));
        Assert.Empty(conf.CatchAllServers);
        Assert.Equal(["127.0.0.1:443", "ssl", "reuseport", "backlog=10000"], Args(conf.TlsServer, "listen"));
        Assert.DoesNotContain(conf.All, d => d.Name == "ssl_reject_handshake");
    }

    [Fact]
    public void Before_nginx_1_25_1_every_tls_listen_says_http2()
    {
        var conf = Conf(("nginxVersion", "1.25.0"));
        Assert.All(conf.Servers.SelectMany(s => s.Children("listen")).Where(l => l.Args.Contains("ssl")), l => Assert.Contains("http2", l.Args));
    }

    [Theory]
    [InlineData("true")]
    [InlineData("false")]
    public void Paths_outside_the_routes_answer_404_from_nginx(string redirect)
    {
        var conf = Conf(("redirectHttp", redirect));
        Assert.Equal(["404"], Args(conf.TlsServer.Children("location").Single(l => l.Args is ["/"]), "return"));
        var plain = conf.Servers.First();
        var catchAll = Args(plain.Children("location").Single(l => l.Args is ["/"]), "return");
        Assert.Equal(redirect == "true" ? "301" : "404", catchAll[0]);
    }

    private static bool IsStatus(Directive server) => server.Descendants().Any(d => d.Name == "stub_status");
}
