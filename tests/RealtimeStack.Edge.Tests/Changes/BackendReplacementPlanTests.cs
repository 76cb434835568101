using RealtimeStack.Edge.Changes;
using RealtimeStack.Edge.Nginx;

namespace RealtimeStack.Edge.Tests.Changes;

public sealed class BackendReplacementPlanTests
{
    [Theory]
    [InlineData("1.28.0", true)]
    [InlineData("1.27.3", true)]
    [InlineData("1.27.2", false)]
    [InlineData("1.22.1", false)]
    public void The_plan_says_how_nginx_reaches_replaced_backends_as_the_rendered_file_does(string version, bool resolves)
    {
        (string, string)[] stack = [("apiServers", "api-1:9000,api-2:9001"), ("sseServers", "sse-1:9100"), ("wsServers", "ws-1:9200"), ("nginxVersion", version)];
        var plan = UpdatePlanner.Plan(Stacks.Minimal([.. stack, ("backendImage", "backends:1")]), Stacks.Minimal([.. stack, ("backendImage", "backends:2")]));
        var replaced = Assert.Single(plan.Changes, c => c.Action == UpdateAction.ReplaceBackends);
        Assert.Equal(resolves, replaced.Detail.Contains("by DNS (upstream resolve)", StringComparison.Ordinal));
        Assert.Equal(!resolves, replaced.Detail.Contains("nginx is reloaded", StringComparison.Ordinal));
        var conf = NginxConfRenderer.Build(Stacks.Spec(stack), NginxLayout.Container);
        Assert.Equal(resolves, conf.All.Any(d => d.Name == "server" && d.Args.Contains("resolve")));
    }
}
