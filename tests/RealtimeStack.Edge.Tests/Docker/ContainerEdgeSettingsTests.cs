using RealtimeStack.Edge.Docker;
using RealtimeStack.Edge.Nginx;
using RealtimeStack.Edge.Configuration;
using RealtimeStack.Edge.Model;

namespace RealtimeStack.Edge.Tests.Docker;

public sealed class ContainerEdgeSettingsTests
{
    [Fact]
    public void The_container_matches_the_rendered_file()
    {
        var edge = StackModel.Bind(Stacks.Minimal(("apiServers", "api-1:9000,api-2:9001"), ("sseServers", "sse-1:9100"), ("wsServers", "ws-1:9200"), ("nginxVersion", "1.27.5"), ("httpPort", "8080"), ("httpsPort", "8443"))).Edge;
        var settings = ContainerEdgeSettings.For(edge);
        var conf = NginxConfRenderer.Build(edge, NginxLayout.Container);
        Assert.Equal("nginx:1.27.5-alpine", settings.NginxImage);
        Assert.Equal(int.Parse(conf.Main.Single(d => d.Name == "worker_rlimit_nofile").Args[0]), settings.NofileLimit);
        // The kernel caps a listen backlog at somaxconn: the container's is the backlog nginx.conf asks for.
        var backlogs = conf.Servers.SelectMany(s => s.Children("listen")).SelectMany(l => l.Args).Where(a => a.StartsWith("backlog=", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, backlogs.Length);
        Assert.All(backlogs, b => Assert.Equal($"backlog={settings.Somaxconn}", b));
        Assert.Equal((8080, 8443), (settings.HttpPort, settings.HttpsPort));
        Assert.Equal(["api-1:9000", "api-2:9001", "sse-1:9100", "ws-1:9200"], settings.Backends.Select(b => $"{b.Alias}:{b.Port}"));
        Assert.Equal([BackendRole.Api, BackendRole.Api, BackendRole.Sse, BackendRole.Ws], settings.Backends.Select(b => b.Role));
        Assert.Equal("/etc/nginx/tls/tls.crt", ContainerEdgeSettings.CertificatePath);
        Assert.Contains("http://127.0.0.1:8080/healthz", settings.HealthCheck[^1]);
        Assert.True(settings.StopGraceSeconds > edge.Capacity.WorkerShutdownTimeout.TotalSeconds);
        // The health path is served (not redirected) on the plain listener.
        var health = conf.Servers.First().Children("location").Single(l => l.Args is ["=", "/healthz"]);
        Assert.Equal(["204"], health.Children("return").Single().Args);
    }
}
