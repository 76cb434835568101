using System.Collections.Immutable;
using Pulumi;
using RealtimeStack.Components.Cluster;
using RealtimeStack.Components.GatewayApi;
using RealtimeStack.Components.Tests.Support;
using RealtimeStack.Edge.GatewayApi;
using RealtimeStack.Edge.Hosting;

namespace RealtimeStack.Components.Tests;

/// <summary>The gateway stack (Pulumi.gateway.yaml) under Pulumi mocks: Envoy Gateway, the Gateway API objects and the backends.</summary>
public sealed class GatewayEdgeTests
{
    private static Task<PulumiRun> RunGateway(params (string, string)[] changes) =>
        PulumiRun.OfStackAsync(StackConfig.FromStackFile("gateway", changes));

    [Fact]
    public async Task Creates_envoy_gateway_the_gateway_objects_backends_and_secret()
    {
        var run = await RunGateway();
        var types = run.Mocks.Registered.GroupBy(r => r.Type!).ToDictionary(g => g.Key, g => g.Count());
        foreach (var (type, count) in types.OrderBy(t => t.Key)) Console.WriteLine($"{type} {count}");
        Assert.Equal(1, types["kubernetes:helm.sh/v3:Release"]);
    }
}
