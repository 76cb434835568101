using RealtimeStack.Edge.Nginx;

namespace RealtimeStack.Edge.Tests.Nginx;

/// <summary>
/// The listen backlog (<c>backlog=</c>): sized from maxStreams, so every stream reconnecting at once finds room in the
/// kernel's queue, and set where nginx takes socket options, once per address:port, with reuseport.
/// </summary>
public sealed class ListenBacklogRenderingTests
{
    private static NginxConf Conf(params (string Key, string Value)[] changes) =>
        NginxConfRenderer.Build(Stacks.Spec(changes), NginxLayout.Local("/tmp/edge"));

    private static bool IsStatus(Directive server) => server.Descendants().Any(d => d.Name == "stub_status");

    private static IEnumerable<Directive> PublicListens(NginxConf conf) =>
        conf.Servers.Where(s => !IsStatus(s)).SelectMany(s => s.Children("listen"));

    private static string[] Backlogs(Directive listen) =>
        [.. listen.Args.Where(a => a.StartsWith("backlog=", StringComparison.Ordinal))];

    [Theory]
    [InlineData("true")]
    [InlineData("false")]
    public void The_backlog_travels_with_reuseport_once_per_address_and_port(string reject)
    {
        var conf = Conf(("rejectUnknownHosts", reject));
        var listens = PublicListens(conf).ToArray();
        // Both options or neither: nginx refuses a second listen with socket options for the same address:port.
        Assert.All(listens, l => Assert.Equal(l.Args.Contains("reuseport") ? ["backlog=10000"] : Array.Empty<string>(), Backlogs(l)));
        var byPort = listens.GroupBy(l => l.Args[0]).ToArray();
        Assert.Equal(["127.0.0.1:443", "127.0.0.1:80"], byPort.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.All(byPort, port => Assert.Single(port, l => Backlogs(l).Length == 1));
    }

    [Theory]
    [InlineData("true")]
    [InlineData("false")]
    public void The_options_sit_on_the_catch_all_servers_when_there_are_some_and_on_the_named_servers_otherwise(string reject)
    {
        var conf = Conf(("rejectUnknownHosts", reject));
        var carriers = conf.Servers.Where(s => s.Children("listen").Any(l => Backlogs(l).Length > 0)).ToArray();
        Assert.Equal(2, carriers.Length);
        Assert.All(carriers, s => Assert.Equal(reject == "true", conf.CatchAllServers.Contains(s)));
        if (reject == "true") Assert.All(conf.Servers.Where(s => !conf.CatchAllServers.Contains(s)), s => Assert.All(s.Children("listen"), l => Assert.Empty(Backlogs(l))));
    }

    [Fact]
    public void The_status_listener_keeps_nginx_defaults()
    {
        var status = Conf().Servers.Single(IsStatus);
        Assert.Equal(2, status.Children("listen").Count());
        Assert.All(status.Children("listen"), l => Assert.DoesNotContain(l.Args, a => a == "reuseport" || a.StartsWith("backlog=", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("1", 511)]
    [InlineData("100", 511)]
    [InlineData("511", 511)]
    [InlineData("512", 512)]
    [InlineData("10000", 10000)]
    [InlineData("65535", 65535)]
    [InlineData("65536", 65535)]
    [InlineData("200000", 65535)]
    public void The_backlog_is_max_streams_between_nginx_default_and_the_largest_somaxconn_of_older_kernels(string maxStreams, int backlog)
    {
        foreach (var reject in new[] { "true", "false" })
        {
            var carriers = PublicListens(Conf(("maxStreams", maxStreams), ("rejectUnknownHosts", reject))).Where(l => Backlogs(l).Length > 0).ToArray();
            Assert.Equal(2, carriers.Length);
            Assert.All(carriers, l => Assert.Equal([$"backlog={backlog}"], Backlogs(l)));
        }
    }
}
