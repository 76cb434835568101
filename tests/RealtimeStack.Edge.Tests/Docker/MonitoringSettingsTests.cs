using RealtimeStack.Edge.Changes;
using RealtimeStack.Edge.Docker;
using RealtimeStack.Edge.Model;
using RealtimeStack.Edge.Nginx;
using RealtimeStack.Edge.Configuration;

namespace RealtimeStack.Edge.Tests.Docker;

/// <summary>The metrics exporter (docker) and the monitoring settings, computed from the model.</summary>
public sealed class MonitoringSettingsTests
{
    private static StackModel Docker(params (string, string)[] changes) =>
        StackModel.Bind(Stacks.Minimal([("apiServers", "api-1:9000"), ("sseServers", "sse-1:9100"), ("wsServers", "ws-1:9200"), .. changes]));

    [Fact]
    public void The_exporter_scrapes_the_status_socket_nginx_listens_on_and_is_unpublished_by_default()
    {
        var model = Docker(("statusPort", "9300"));
        var exporter = MetricsExporter.For(model.Edge, model.Deployment)!;
        Assert.Equal("unix:/run/nginx-status/status.sock:/stub_status", MetricsExporter.ScrapeUri);
        var listens = NginxConfRenderer.Build(model.Edge, NginxLayout.Container).All.Where(d => d.Name == "listen").Select(d => d.Args[0]);
        Assert.Contains("unix:" + MetricsExporter.ScrapeUri.Split(':')[1], listens);
        Assert.Equal(["--nginx.scrape-uri=unix:/run/nginx-status/status.sock:/stub_status", "--web.listen-address=:9113"], MetricsExporter.Command);
        Assert.Equal(0, exporter.HostPort);
        Assert.Null(MetricsExporter.For(Docker(("metrics", "false")).Edge, Docker(("metrics", "false")).Deployment));
    }

    [Fact]
    public void A_published_exporter_needs_metrics_and_a_port_of_its_own()
    {
        Assert.Equal(9113, MetricsExporter.For(Docker(("metricsHostPort", "9113")).Edge, Docker(("metricsHostPort", "9113")).Deployment)!.HostPort);
        var off = Assert.Throws<EdgeConfigException>(() => Docker(("metrics", "false"), ("metricsHostPort", "9113")));
        Assert.Contains(off.Errors, e => e.Key == "realtime:metricsHostPort" && e.Rule.Contains("realtime:metrics"));
        var taken = Assert.Throws<EdgeConfigException>(() => Docker(("httpPort", "8080"), ("metricsHostPort", "8080")));
        Assert.Contains(taken.Errors, e => e.Key == "realtime:metricsHostPort" && e.Rule.Contains("HTTP port"));
        Assert.Throws<EdgeConfigException>(() => Docker(("metricsHostPort", "70000")));
    }

    [Fact]
    public void Exporter_changes_keep_every_stream()
    {
        var plan = UpdatePlanner.Plan(Docker(), Docker(("metricsHostPort", "9113")));
        var change = Assert.Single(plan.Changes);
        Assert.Equal(UpdateAction.ConfigureMonitoring, change.Action);
        Assert.Equal(StreamEffect.Kept, change.Streams);
        Assert.Contains("host port unpublished → 9113", change.Detail);
    }
}
