using RealtimeStack.Components.Tests.Support;

namespace RealtimeStack.Components.Tests;

/// <summary>The chart values check itself, on Envoy Gateway's charts of the pinned release.</summary>
public sealed class ChartValuesTests
{
    [Theory]
    [InlineData("config.envoyGateway.gateway.controllerName")] // a leaf
    [InlineData("config.envoyGateway")]                         // a map
    [InlineData("deployment.replicas")]
    [InlineData("deployment.priorityClassName")]                // null in the chart
    [InlineData("deployment.pod.tolerations")]                  // a list
    [InlineData("deployment.pod.labels")]                       // a free-form map ...
    [InlineData("deployment.pod.labels.app.kubernetes.io/name")] // ... and a key set in it, dots and all
    public void A_path_the_chart_has_passes(string path) => Assert.True(ChartValues.GatewayHelm.Has(path), path);

    [Theory]
    [InlineData("config.envoyGateway.gateway.controllerNam")]   // misspelled leaf
    [InlineData("config.envoygateway.gateway.controllerName")]  // misspelled map, case matters
    [InlineData("deployment.replica")]
    [InlineData("deployment.replicas.min")]                     // below a scalar
    [InlineData("deployment.pod.tolerations.key")]              // below a list
    [InlineData("deployment.pod.annotations.example.com/a")]    // below a map the chart fills: not free-form by this rule
    public void A_path_the_chart_lacks_fails(string path) => Assert.False(ChartValues.GatewayHelm.Has(path), path);

    [Fact]
    public void The_crds_chart_has_its_switches()
    {
        Assert.True(ChartValues.GatewayCrdsHelm.Has("crds.gatewayAPI.enabled"));
        Assert.True(ChartValues.GatewayCrdsHelm.Has("crds.gatewayAPI.channel"));
        Assert.True(ChartValues.GatewayCrdsHelm.Has("crds.envoyGateway.enabled"));
        Assert.False(ChartValues.GatewayCrdsHelm.Has("crds.gatewayApi.enabled"));
    }

    [Fact]
    public void The_paths_of_nested_values_are_their_leaves_and_the_missing_ones_are_named()
    {
        var values = new SortedDictionary<string, object>
        {
            ["config"] = new SortedDictionary<string, object>
            {
                ["envoyGateway"] = new SortedDictionary<string, object>
                {
                    ["gateway"] = new SortedDictionary<string, object> { ["controllerName"] = "realtime.example.com/gateway" },
                },
            },
            ["deployment"] = new SortedDictionary<string, object>
            {
                ["pod"] = new SortedDictionary<string, object>
                {
                    ["labels"] = new SortedDictionary<string, object> { ["app.kubernetes.io/part-of"] = "realtime" },
                    ["tolerations"] = new List<object> { new SortedDictionary<string, object> { ["key"] = "edge" } },
                    ["affinity"] = new SortedDictionary<string, object>(),
                },
                ["replica"] = 2,
            },
        };
        Assert.Equal(
            ["config.envoyGateway.gateway.controllerName", "deployment.pod.affinity", "deployment.pod.labels.app.kubernetes.io/part-of",
             "deployment.pod.tolerations", "deployment.replica"],
            ChartValues.PathsOf(values));
        Assert.Equal(["deployment.replica"], ChartValues.GatewayHelm.Missing(values));
    }
}
