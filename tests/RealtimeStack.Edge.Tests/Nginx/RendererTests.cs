using RealtimeStack.Edge.Nginx;

namespace RealtimeStack.Edge.Tests.Nginx;

public sealed class RendererTests
{
    [Fact]
    public void Same_model_gives_byte_identical_files()
    {
        var a = NginxConfRenderer.Render(Stacks.Spec(("aliases", "b.test,c.test")), NginxLayout.Container);
        var b = NginxConfRenderer.Render(Stacks.Spec(("aliases", "b.test,c.test")), NginxLayout.Container);
        Assert.Equal(a, b);
        Assert.DoesNotContain('\r', a);
        Assert.StartsWith(NginxConfWriter.Header, a);
    }

    [Fact]
    public void Writing_and_parsing_round_trips_the_tree()
    {
        var conf = NginxConfRenderer.Build(Stacks.Spec(("hstsMaxAge", "1h")), NginxLayout.Local("/tmp/edge"));
        var reparsed = NginxConfParser.Parse(NginxConfWriter.Write(conf));
        Assert.Equal(NginxConfWriter.Write(conf), NginxConfWriter.Write(reparsed));
    }

    [Fact]
    public void The_file_is_complete()
    {
        var conf = NginxConfRenderer.Build(Stacks.Spec(), NginxLayout.Container);
        Assert.Equal(["worker_processes", "worker_rlimit_nofile", "worker_shutdown_timeout", "error_log", "events", "http"], conf.Main.Select(d => d.Name));
        Assert.Equal(["realtime_api", "realtime_sse", "realtime_ws"], conf.Http.Children("upstream").Select(u => u.Args[0]));
        // The named plain and TLS servers, a catch-all for other names on each listener, and the status listener.
        Assert.Equal(5, conf.Servers.Count());
        Assert.Equal(2, conf.CatchAllServers.Count());
        Assert.Equal(["/api/", "/sse/", "/ws/", "/"], conf.TlsServer.Children("location").Select(l => l.Args[^1]));
        // The upgrade map and the access log's route default.
        Assert.Equal(2, conf.Http.Children("map").Count());
    }

    [Fact]
    public void Only_the_stream_routes_get_the_small_proxy_buffer()
    {
        var conf = NginxConfRenderer.Build(Stacks.Spec(), NginxLayout.Container);
        Assert.Equal(["1k"], conf.Location("/sse/").Children("proxy_buffer_size").Single().Args);
        Assert.Equal(["1k"], conf.Location("/ws/").Children("proxy_buffer_size").Single().Args);
        // API responses keep nginx's default (one page) and their buffering: large bodies are not affected.
        Assert.Empty(conf.Location("/api/").Children("proxy_buffer_size"));
        Assert.Equal(2, conf.All.Count(d => d.Name == "proxy_buffer_size"));
        var larger = NginxConfRenderer.Build(Stacks.Spec(("streamBufferSize", "8k")), NginxLayout.Container);
        Assert.Equal(["8k"], larger.Location("/ws/").Children("proxy_buffer_size").Single().Args);
    }

    [Fact]
    public void Capacity_follows_max_streams()
    {
        var conf = NginxConfRenderer.Build(Stacks.Spec(("maxStreams", "3000"), ("workerShutdownTimeout", "15m")), NginxLayout.Container);
        var connections = int.Parse(conf.Main.Single(d => d.Name == "events").Children("worker_connections").Single().Args[0]);
        var rlimit = int.Parse(conf.Main.Single(d => d.Name == "worker_rlimit_nofile").Args[0]);
        Assert.True(connections >= 6000, $"worker_connections {connections} must hold 2 per stream");
        Assert.True(rlimit > connections);
        Assert.Equal(["900s"], conf.Main.Single(d => d.Name == "worker_shutdown_timeout").Args);
    }

    [Fact]
    public void The_api_keeps_upstream_connections_and_streams_pin_clients()
    {
        var conf = NginxConfRenderer.Build(Stacks.Spec(), NginxLayout.Container);
        var api = conf.Http.Children("upstream").Single(u => u.Args[0] == "realtime_api");
        Assert.Equal(["32"], api.Children("keepalive").Single().Args);
        Assert.Empty(api.Children("hash"));
        Assert.Contains(conf.Location("/api/").Children("proxy_set_header"), h => h.Args is ["Connection", ""]);
        var map = conf.Http.Children("map").Single(m => m.Args[0] == "$http_upgrade");
        Assert.Contains(map.Block!, e => e.Name == "" && e.Args is [""]);
        foreach (var stream in new[] { "realtime_sse", "realtime_ws" })
            Assert.Equal(["$remote_addr", "consistent"], conf.Http.Children("upstream").Single(u => u.Args[0] == stream).Children("hash").Single().Args);
        var none = NginxConfRenderer.Build(Stacks.Spec(("stickiness", "none")), NginxLayout.Container);
        Assert.DoesNotContain(none.Http.Descendants(), d => d.Name == "hash");
    }

    [Fact]
    public void Redirect_keeps_a_non_default_https_port()
    {
        var conf = NginxConfRenderer.Build(Stacks.Spec(("httpsPort", "8443"), ("httpPort", "8080")), NginxLayout.Container);
        var redirect = conf.Servers.First().Children("location").Single(l => l.Args is ["/"]).Children("return").Single();
        Assert.Equal(["301", "https://$host:8443$request_uri"], redirect.Args);
    }

    [Fact]
    public void Local_layout_binds_loopback_and_keeps_files_in_its_directory()
    {
        var conf = NginxConfRenderer.Build(Stacks.Spec(), NginxLayout.Local("/tmp/edge-x"));
        // Loopback, or the status socket inside the directory.
        Assert.All(conf.Servers.SelectMany(s => s.Children("listen")), l => Assert.True(l.Args[0].StartsWith("127.0.0.1:", StringComparison.Ordinal) || l.Args[0] == "unix:/tmp/edge-x/run/status.sock", l.Args[0]));
        Assert.Contains(conf.Http.Children("proxy_temp_path"), d => d.Args[0] == "/tmp/edge-x/temp/proxy");
        Assert.Equal(["/tmp/edge-x/logs/error.log", "warn"], conf.Main.Single(d => d.Name == "error_log").Args);
    }

    [Fact]
    public void Long_server_names_get_a_hash_bucket_that_fits()
    {
        var name = string.Join('.', Enumerable.Repeat(new string('a', 60), 4));
        var conf = NginxConfRenderer.Build(Stacks.Spec(("domain", name)), NginxLayout.Container);
        Assert.Equal(["512"], conf.Http.Children("server_names_hash_bucket_size").Single().Args);
    }
}
