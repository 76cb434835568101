using RealtimeStack.Edge.Nginx;

namespace RealtimeStack.Edge.Tests.Nginx;

public sealed class ClientAddressRenderingTests
{
    private static NginxConf Conf(params (string, string)[] changes) => NginxConfRenderer.Build(Stacks.Spec(changes), NginxLayout.Container);

    private static string[][] Args(NginxConf conf, string name) => conf.Http.Children(name).Select(d => d.Args.ToArray()).ToArray();

    [Fact]
    public void Without_trusted_proxies_nothing_changes()
    {
        var conf = Conf();
        Assert.DoesNotContain(conf.All, d => d.Name.StartsWith("set_real_ip", StringComparison.Ordinal) || d.Name.StartsWith("real_ip", StringComparison.Ordinal));
        Assert.DoesNotContain(conf.All, d => d.Name == "listen" && d.Args.Contains("proxy_protocol"));
        foreach (var path in new[] { "/api/", "/sse/", "/ws/" })
            Assert.Contains(conf.Location(path).Children("proxy_set_header"), h => h.Args is ["X-Forwarded-For", "$remote_addr"]);
    }

    [Fact]
    public void Trusted_proxies_name_the_client_through_x_forwarded_for()
    {
        var conf = Conf(("trustedProxies", "10.0.0.0/8,192.168.1.7,2001:db8::/32"));
        Assert.Equal([["10.0.0.0/8"], ["192.168.1.7/32"], ["2001:db8::/32"]], Args(conf, "set_real_ip_from"));
        Assert.Equal([["X-Forwarded-For"]], Args(conf, "real_ip_header"));
        Assert.Equal([["on"]], Args(conf, "real_ip_recursive"));
        // Nothing is trusted below the http level, so no server or location can widen it.
        Assert.All(conf.Servers.SelectMany(s => s.Descendants()), d => Assert.DoesNotContain("real_ip", d.Name, StringComparison.Ordinal));
        Assert.DoesNotContain(conf.All, d => d.Name == "listen" && d.Args.Contains("proxy_protocol"));
        foreach (var path in new[] { "/api/", "/sse/", "/ws/" })
        {
            var headers = conf.Location(path).Children("proxy_set_header").ToArray();
            Assert.Contains(headers, h => h.Args is ["X-Real-IP", "$remote_addr"]);
            Assert.Contains(headers, h => h.Args is ["X-Forwarded-For", "$remote_addr"]);
            Assert.DoesNotContain(headers, h => h.Args.Contains("$proxy_add_x_forwarded_for"));
        }
        // Stickiness hashes $remote_addr, which realip has replaced by then.
        Assert.Equal(["$remote_addr", "consistent"], conf.Http.Children("upstream").Single(u => u.Args[0] == "realtime_sse").Children("hash").Single().Args);
    }

    [Fact]
    public void Proxy_protocol_is_required_on_both_listeners_and_names_the_client()
    {
        var conf = Conf(("trustedProxies", "10.0.0.0/8"), ("proxyProtocol", "true"));
        Assert.Equal([["10.0.0.0/8"]], Args(conf, "set_real_ip_from"));
        Assert.Equal([["proxy_protocol"]], Args(conf, "real_ip_header"));
        // The named servers and the catch-all servers that refuse unknown names: every listen of both ports. Not the
        // status listener: a metrics exporter reaches it directly, without a load balancer's PROXY header.
        var listens = conf.Servers.Where(s => !s.Descendants().Any(d => d.Name == "stub_status")).SelectMany(s => s.Children("listen")).ToArray();
        Assert.Equal(4, listens.Length);
        Assert.All(listens, l => Assert.Contains("proxy_protocol", l.Args));
        Assert.Contains(conf.Location("/ws/").Children("proxy_set_header"), h => h.Args is ["X-Forwarded-For", "$remote_addr"]);
    }

    [Theory]
    [InlineData("1.22.1")]
    [InlineData("1.28.0")]
    public void Proxy_protocol_sits_beside_either_http2_form(string version)
    {
        var tls = Conf(("trustedProxies", "10.0.0.0/8"), ("proxyProtocol", "true"), ("nginxVersion", version)).TlsServer.Children("listen").Single();
        Assert.Equal(["443", "ssl", .. version == "1.22.1" ? new[] { "http2" } : [], "proxy_protocol"], tls.Args);
    }
}
