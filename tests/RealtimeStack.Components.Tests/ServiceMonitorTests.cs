using System.Collections.Immutable;
using System.Text.Json.Nodes;
using RealtimeStack.Components.Cluster;
using RealtimeStack.Components.Tests.Support;
using RealtimeStack.Edge.Configuration;
using RealtimeStack.Edge.IngressNginx;

namespace RealtimeStack.Components.Tests;

/// <summary>The controller's metrics and the prometheus-operator ServiceMonitor on the Kubernetes stack, under mocks.</summary>
public sealed class ServiceMonitorTests
{
    private const string Type = "kubernetes:monitoring.coreos.com/v1:ServiceMonitor";

    private static Task<PulumiRun> RunK8s(params (string, string)[] changes) => PulumiRun.OfStackAsync(StackConfig.FromStackFile("k8s", changes));

    [Fact]
    public async Task The_controller_exposes_metrics_and_no_service_monitor_is_created_by_default()
    {
        var run = await RunK8s();
        var metrics = ControllerMetricsValues(run);
        Assert.Equal(true, metrics["enabled"]);
        Assert.Equal((double)ControllerMetrics.Port, metrics["port"]);
        Assert.Empty(run.Mocks.OfType(Type));

        var off = await RunK8s(("realtime:metrics", "false"));
        Assert.Equal(false, ControllerMetricsValues(off)["enabled"]);
    }

    [Fact]
    public async Task The_service_monitor_selects_the_controller_metrics_and_passes_the_crd_schema()
    {
        var run = await RunK8s(("realtime:metricsMonitor", "true"), ("realtime:metricsMonitorLabels", "release=kube-prometheus-stack,team=realtime"));
        var monitor = Assert.Single(run.Mocks.OfType(Type));
        Assert.Empty(CrdSchema.ErrorsOf(monitor.Inputs));

        var model = StackModel.Bind(StackConfig.FromStackFile("k8s"));
        Assert.Equal("monitoring.coreos.com/v1", monitor.Inputs["apiVersion"]);
        Assert.Equal("ServiceMonitor", monitor.Inputs["kind"]);
        var metadata = (ImmutableDictionary<string, object>)monitor.Inputs["metadata"];
        Assert.Equal(IngressNginxChart.NamespaceOf(model.Deployment), metadata["namespace"]);
        Assert.Equal(new Dictionary<string, object> { ["release"] = "kube-prometheus-stack", ["team"] = "realtime" }, (ImmutableDictionary<string, object>)metadata["labels"]);

        var spec = (ImmutableDictionary<string, object>)monitor.Inputs["spec"];
        // The labels the chart puts on the controller's metrics Service (release named after the IngressClass).
        var selector = (ImmutableDictionary<string, object>)((ImmutableDictionary<string, object>)spec["selector"])["matchLabels"];
        Assert.Equal("ingress-nginx", selector["app.kubernetes.io/name"]);
        Assert.Equal(model.Deployment.IngressClass, selector["app.kubernetes.io/instance"]);
        Assert.Equal("controller", selector["app.kubernetes.io/component"]);
        var endpoint = (ImmutableDictionary<string, object>)Assert.Single((ImmutableArray<object>)spec["endpoints"]);
        Assert.Equal("metrics", endpoint["port"]);
        Assert.Equal("30s", endpoint["interval"]);
        var namespaces = (ImmutableDictionary<string, object>)spec["namespaceSelector"];
        Assert.Equal([IngressNginxChart.NamespaceOf(model.Deployment)], ((ImmutableArray<object>)namespaces["matchNames"]).Cast<string>());

        // Under the controller component, after the release that creates the Service it selects.
        Assert.Contains(ResourceTree.Children(run.Single<IngressNginxEdge>()), r => r.GetResourceType() == Type);
    }

    [Fact]
    public async Task The_default_label_is_release_prometheus()
    {
        var run = await RunK8s(("realtime:metricsMonitor", "true"));
        var metadata = (ImmutableDictionary<string, object>)Assert.Single(run.Mocks.OfType(Type)).Inputs["metadata"];
        Assert.Equal(new Dictionary<string, object> { ["release"] = "prometheus" }, (ImmutableDictionary<string, object>)metadata["labels"]);
    }

    [Theory]
    [InlineData("/spec/endpoints/0/intervall", "\"30s\"")]        // a misspelled field
    [InlineData("/spec/selector/matchLabel", "{}")]              // a misspelled field one level down
    [InlineData("/spec/endpoints/0/interval", "30")]             // a number where the CRD wants a duration string
    [InlineData("/spec/endpoints/0/interval", "\"30 seconds\"")] // not a Prometheus duration
    [InlineData("/spec/endpoints", "{}")]                        // an object where the CRD wants a list
    public async Task The_crd_schema_check_rejects_a_broken_service_monitor(string pointer, string json)
    {
        var run = await RunK8s(("realtime:metricsMonitor", "true"));
        var good = JsonNode.Parse(KubernetesSchema.ToJson(Assert.Single(run.Mocks.OfType(Type)).Inputs))!;
        Assert.Empty(CrdSchema.For("monitoring.coreos.com/v1", "ServiceMonitor").Errors(good.ToJsonString()));
        var parts = pointer.Trim('/').Split('/');
        var parent = parts[..^1].Aggregate(good, (node, part) => int.TryParse(part, out var i) ? node[i]! : node[part]!);
        parent.AsObject()[parts[^1]] = JsonNode.Parse(json);
        Assert.NotEmpty(CrdSchema.For("monitoring.coreos.com/v1", "ServiceMonitor").Errors(good.ToJsonString()));
    }

    [Fact]
    public void A_service_monitor_needs_metrics_and_its_labels_are_checked()
    {
        var needsMetrics = Assert.Throws<Edge.Model.EdgeConfigException>(() => StackModel.Bind(StackConfig.FromStackFile("k8s", ("realtime:metricsMonitor", "true"), ("realtime:metrics", "false")))).Errors;
        Assert.Contains(needsMetrics, e => e.Key == "realtime:metricsMonitor" && e.Rule.Contains("realtime:metrics"));

        var errors = Assert.Throws<Edge.Model.EdgeConfigException>(() => StackModel.Bind(StackConfig.FromStackFile("k8s",
            ("realtime:metricsMonitorLabels", "release=a,release=b,Bad Label=x,ok=-no-,noequals")))).Errors;
        Assert.Contains(errors, e => e.Key == "realtime:metricsMonitorLabels" && e.Rule.Contains("'release' is given 2 times"));
        Assert.Contains(errors, e => e.Key == "realtime:metricsMonitorLabels" && e.Rule.Contains("whitespace"));
        Assert.Contains(errors, e => e.Key == "realtime:metricsMonitorLabels" && e.Rule.Contains("'ok=-no-'"));
        Assert.Contains(errors, e => e.Key == "realtime:metricsMonitorLabels" && e.Rule.Contains("'noequals': must be key=value"));
        Assert.Equal(["app.kubernetes.io/part-of=realtime", "empty="], new[] { "app.kubernetes.io/part-of=realtime", "empty=" }
            .Select(l => KubernetesLabel.Parse("k", l).Value).Select(kv => $"{kv.Key}={kv.Value}"));
    }

    private static ImmutableDictionary<string, object> ControllerMetricsValues(PulumiRun run)
    {
        var release = Assert.Single(run.Mocks.OfType("kubernetes:helm.sh/v3:Release"));
        var controller = (ImmutableDictionary<string, object>)((ImmutableDictionary<string, object>)release.Inputs["values"])["controller"];
        return (ImmutableDictionary<string, object>)controller["metrics"];
    }
}
