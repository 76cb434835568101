using RealtimeStack.Edge.Configuration;
using RealtimeStack.Edge.Model;

namespace RealtimeStack.Edge.Tests.Configuration;

public sealed class StackModelTests
{
    private static Dictionary<string, string> Kubernetes(params (string, string)[] changes) =>
        Stacks.Minimal([("mode", "kubernetes"), ("backendImage", "registry.example.com/realtime/backend:1.0"), .. changes]);

    [Fact]
    public void The_dev_stack_binds_in_docker_mode()
    {
        var model = StackModel.Bind(RepoStacks.Values("dev"));
        Assert.Equal(EdgeMode.Docker, model.Deployment.Mode);
        Assert.Null(model.Deployment.BackendImage);
    }

    [Fact]
    public void Kubernetes_stack_file_binds()
    {
        var model = StackModel.Bind(RepoStacks.Values("k8s"));
        Assert.Equal(EdgeMode.Kubernetes, model.Deployment.Mode);
        Assert.NotNull(model.Deployment.BackendImage);
    }

    [Fact]
    public void Edge_and_deployment_errors_are_reported_together()
    {
        var e = Assert.Throws<EdgeConfigException>(() => StackModel.Bind(Stacks.Minimal(("httpPort", "0"), ("mode", "swarm"), ("namespace", "Bad_NS"))));
        Assert.Equal(["realtime:httpPort", "realtime:mode", "realtime:namespace"], e.Errors.Select(x => x.Key));
    }

    [Fact]
    public void Docker_mode_needs_named_backends_each_used_once()
    {
        var e = Assert.Throws<EdgeConfigException>(() => StackModel.Bind(Stacks.Minimal(("apiServers", "127.0.0.1:9000,api:9001"), ("sseServers", "api:9100"))));
        Assert.Contains(e.Errors, x => x.Key == "realtime:apiServers" && x.Rule.Contains("not an IP address"));
        Assert.Contains(e.Errors, x => x.Rule.Contains("host 'api' is listed 2 times"));
    }

    [Theory]
    [InlineData("backendImage", "", "is required in kubernetes mode")]
    [InlineData("backendImage", "Registry/UPPER:tag", "image reference")]
    [InlineData("backendImage", "repo/img:tag;rm", "';'")]
    [InlineData("ingressClass", "nginx_class", "RFC 1123 label")]
    [InlineData("namespace", "a-very-long-namespace-name-that-goes-past-the-sixty-three-character-limit", "at most 63")]
    [InlineData("proxyReplicas", "0", "1-100")]
    [InlineData("sseReplicas", "many", "1-1000")]
    [InlineData("drainDelay", "61m", "at most")]
    [InlineData("backendGracePeriod", "5s", "longer than realtime:drainDelay")]
    [InlineData("affinityTimeout", "2d", "at most")]
    public void Deployment_values_are_validated(string key, string value, string rule)
    {
        var e = Assert.Throws<EdgeConfigException>(() => StackModel.Bind(Kubernetes((key, value))));
        Assert.Contains(e.Errors, x => x.Key == "realtime:" + key && x.Rule.Contains(rule));
    }

    [Fact]
    public void Ingress_hosts_cannot_end_in_a_wildcard()
    {
        var e = Assert.Throws<EdgeConfigException>(() => StackModel.Bind(Kubernetes(("aliases", "www.example.*"))));
        Assert.Contains(e.Errors, x => x.Key == "realtime:aliases" && x.Rule.Contains("trailing"));
        Assert.Equal(2, Stacks.Spec(("aliases", "www.example.*")).ServerNames.Count);
    }

    [Fact]
    public void Cookie_stickiness_is_for_kubernetes_only()
    {
        Assert.Equal(Stickiness.Cookie, StackModel.Bind(Kubernetes(("stickiness", "cookie"))).Edge.Upstreams.Ws.Stickiness);
        Assert.Contains(Stacks.Errors(("stickiness", "cookie")), x => x.Rule.Contains("kubernetes"));
    }
}
