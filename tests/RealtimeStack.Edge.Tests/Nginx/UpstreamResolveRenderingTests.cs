using System.Net;
using RealtimeStack.Edge.Model;
using RealtimeStack.Edge.Nginx;

namespace RealtimeStack.Edge.Tests.Nginx;

public sealed class UpstreamResolveRenderingTests
{
    private static readonly (string, string)[] Named =
        [("apiServers", "api-1:9000,api-2:9001"), ("sseServers", "sse-1:9100"), ("wsServers", "ws-1:9200")];

    private static NginxConf Container(string version, params (string, string)[] changes) =>
        NginxConfRenderer.Build(Stacks.Spec([.. Named, ("nginxVersion", version), .. changes]), NginxLayout.Container);

    /// <summary>The failure parameters every server line ends with (the default failTimeout).</summary>
    private static readonly string[] Fails = ["max_fails=1", "fail_timeout=10s"];

    private static Directive Upstream(NginxConf conf, string name) => conf.Http.Children("upstream").Single(u => u.Args[0] == "realtime_" + name);

    [Theory]
    [InlineData("1.27.3")]
    [InlineData("1.28.0")]
    public void Container_layout_on_nginx_with_resolve_follows_names_through_dockers_dns(string version)
    {
        var conf = Container(version);
        Assert.Equal(["127.0.0.11", "valid=10s", "ipv6=off"], conf.Http.Children("resolver").Single().Args);
        Assert.Equal(["5s"], conf.Http.Children("resolver_timeout").Single().Args);
        foreach (var name in new[] { "api", "sse", "ws" })
        {
            var upstream = Upstream(conf, name);
            Assert.Equal(["realtime_" + name, "64k"], upstream.Children("zone").Single().Args);
            Assert.All(upstream.Children("server"), s => Assert.Equal("resolve", s.Args[1]));
        }
        Assert.Equal(["api-1:9000", "resolve", "max_fails=1", "fail_timeout=10s"], Upstream(conf, "api").Children("server").First().Args);
    }

    [Fact]
    public void The_resolver_comes_before_the_upstreams_and_zone_and_hash_before_servers_and_keepalive()
    {
        var conf = Container("1.28.0");
        var http = conf.Http.Block!.Select(d => d.Name).ToList();
        Assert.True(http.IndexOf("resolver") < http.IndexOf("upstream"));
        Assert.Equal(["zone", "server", "server", "keepalive"], Upstream(conf, "api").Block!.Select(d => d.Name));
        // keepalive wraps the balancing method set before it, so hash must stay first among them.
        Assert.Equal(["zone", "hash", "server"], Upstream(conf, "sse").Block!.Select(d => d.Name));
    }

    [Theory]
    [InlineData("1.22.1")]
    [InlineData("1.27.2")]
    public void Nginx_before_1_27_3_gets_the_same_file_as_without_a_resolver(string version)
    {
        var conf = Container(version);
        Assert.DoesNotContain(conf.All, d => d.Name is "resolver" or "resolver_timeout" or "zone");
        Assert.DoesNotContain(conf.All, d => d.Name == "server" && d.Args.Contains("resolve"));
        var spec = Stacks.Spec([.. Named, ("nginxVersion", version)]);
        Assert.Equal(NginxConfRenderer.Render(spec, NginxLayout.Container with { Resolver = null }), NginxConfRenderer.Render(spec, NginxLayout.Container));
    }

    [Fact]
    public void Address_literals_are_not_resolved_and_names_beside_them_are()
    {
        var conf = Container("1.28.0", ("apiServers", "127.0.0.1:9000,api-2:9001,1.2.3:9002"), ("wsServers", "[::1]:9200,10.0.0.7:9201"));
        Assert.Equal([["127.0.0.1:9000", .. Fails], ["api-2:9001", "resolve", .. Fails], ["1.2.3:9002", "resolve", .. Fails]], Upstream(conf, "api").Children("server").Select(s => s.Args));
        Assert.Equal([["[::1]:9200", .. Fails], ["10.0.0.7:9201", .. Fails]], Upstream(conf, "ws").Children("server").Select(s => s.Args));
        // The group still lives in shared memory, like every group of a resolving edge.
        Assert.Single(Upstream(conf, "ws").Children("zone"));
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("10.255.0.1", true)]
    [InlineData("[::1]", true)]
    [InlineData("api-1", false)]
    [InlineData("api-1.test", false)]
    [InlineData("1.2.3", false)]
    [InlineData("256.1.1.1", false)]
    [InlineData("1.2.3.4.5", false)]
    public void An_endpoint_is_an_address_exactly_when_nginx_would_not_look_it_up(string host, bool address)
    {
        var endpoint = Endpoint.Parse("k", host + ":9000").ValueOrThrow();
        Assert.Equal(address, endpoint.IsAddress);
    }

    [Fact]
    public void Local_layout_has_no_resolver_and_renders_none()
    {
        var spec = Stacks.Spec([.. Named, ("nginxVersion", "1.28.0")]);
        var conf = NginxConfRenderer.Build(spec, NginxLayout.Local("/tmp/edge-r"));
        Assert.Null(NginxLayout.Local("/tmp/edge-r").Resolver);
        Assert.DoesNotContain(conf.All, d => d.Name is "resolver" or "resolver_timeout" or "zone");
        Assert.DoesNotContain(conf.All, d => d.Name == "server" && d.Args.Contains("resolve"));
    }

    [Fact]
    public void A_local_layout_given_a_resolver_names_its_port_and_valid_time()
    {
        var spec = Stacks.Spec([.. Named, ("nginxVersion", "1.28.0")]);
        var resolver = NginxResolver.At(new IPEndPoint(IPAddress.Loopback, 5353)) with { Valid = Duration.Seconds(2) };
        var conf = NginxConfRenderer.Build(spec, NginxLayout.Local("/tmp/edge-r") with { Resolver = resolver });
        Assert.Equal(["127.0.0.1:5353", "valid=2s", "ipv6=off"], conf.Http.Children("resolver").Single().Args);
        Assert.Equal(["api-2:9001", "resolve", .. Fails], Upstream(conf, "api").Children("server").Last().Args);
    }

    [Fact]
    public void The_zone_grows_with_the_group_beyond_what_64k_holds()
    {
        var servers = string.Join(',', Enumerable.Range(1, 256).Select(i => $"api-{i}:9000"));
        var conf = Container("1.28.0", ("apiServers", servers));
        // nginx 1.28 cannot load 64 named servers into 64k; 4k a server leaves room for re-resolving.
        Assert.Equal(["realtime_api", "1m"], Upstream(conf, "api").Children("zone").Single().Args);
        Assert.Equal(["realtime_sse", "64k"], Upstream(conf, "sse").Children("zone").Single().Args);
    }

    [Fact]
    public void The_resolving_file_round_trips_through_the_parser()
    {
        var text = NginxConfWriter.Write(Container("1.28.0"));
        Assert.Equal(text, NginxConfWriter.Write(NginxConfParser.Parse(text)));
        Assert.Contains("    resolver 127.0.0.11 valid=10s ipv6=off;\n    resolver_timeout 5s;\n", text);
        Assert.Contains("        zone realtime_api 64k;\n        server api-1:9000 resolve max_fails=1 fail_timeout=10s;\n", text);
    }
}
