using System.Text.RegularExpressions;
using RealtimeStack.Edge.Cluster;
using RealtimeStack.Edge.GatewayApi;
using RealtimeStack.Edge.Model;
using RealtimeStack.Edge.Configuration;
using RealtimeStack.Edge.Rendering;

namespace RealtimeStack.Edge.Tests.GatewayApi;

/// <summary>The Gateway API objects of gateway mode as pure data, without Pulumi (the mocks tests check them against the CRDs).</summary>
public sealed partial class GatewaySettingsTests
{
    private static StackModel Model(params (string, string)[] changes) =>
        StackModel.Bind(Stacks.Minimal([("mode", "gateway"), ("backendImage", "registry.example.com/realtime/backend:1.0"), .. changes]));

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(250, "250ms")]
    [InlineData(1500, "1s500ms")]
    [InlineData(90_000, "1m30s")]
    [InlineData(3_600_000, "1h")]
    [InlineData(86_400_000, "24h")]
    [InlineData(604_800_000, "168h")]
    [InlineData(3_723_004, "1h2m3s4ms")]
    public void Durations_are_spelled_as_the_gateway_api_wants(int milliseconds, string expected)
    {
        var text = GatewayDuration.Of(TimeSpan.FromMilliseconds(milliseconds));
        Assert.Equal(expected, text);
        Assert.Matches(GatewayApiDuration(), text);
    }

    [Fact]
    public void Every_duration_the_model_allows_fits_the_gateway_api_pattern()
    {
        // Up to four parts of at most five digits: the longest model duration (7 days) is 168h.
        foreach (var value in new[] { Duration.Max, TimeSpan.FromMilliseconds(1), Duration.Max - TimeSpan.FromMilliseconds(1) })
            Assert.Matches(GatewayApiDuration(), GatewayDuration.Of(value));
    }

    [Fact]
    public void One_https_listener_per_name_when_unknown_names_are_refused()
    {
        var edge = Model(("aliases", "www.example.com,*.example.org")).Edge;
        Assert.Equal([("https-0", "edge.test"), ("https-1", "www.example.com"), ("https-2", "*.example.org")],
            GatewaySettings.HttpsListeners(edge).Select(l => (l.Name, l.Hostname!)));
        Assert.Equal([("https", (string?)null)], GatewaySettings.HttpsListeners(Model(("rejectUnknownHosts", "false")).Edge));
    }

    [Fact]
    public void No_route_has_a_request_timeout_whose_deadline_would_end_a_response()
    {
        var model = Model(("apiReadTimeout", "30s"));
        var routes = GatewaySettings.HttpRoutes(model.Edge, model.Deployment).ToDictionary(r => r.Name);
        Assert.Equal(["realtime-api", "realtime-https-redirect", "realtime-sse", "realtime-ws"], routes.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("0s", RequestTimeout(routes["realtime-sse"]));
        Assert.Equal("0s", RequestTimeout(routes["realtime-ws"]));
        // Envoy's request timeout is a deadline for the whole response; nginx's read timeout is a gap, which the
        // route's stream idle timeout is (BackendTrafficPolicy).
        Assert.Equal("0s", RequestTimeout(routes["realtime-api"]));
        // Without the redirect, plain HTTP serves the routes and no redirect route exists.
        var plain = Model(("redirectHttp", "false"));
        Assert.DoesNotContain(GatewaySettings.HttpRoutes(plain.Edge, plain.Deployment), r => r.Name == GatewaySettings.RedirectRouteName);
    }

    [Fact]
    public void The_rendered_configuration_is_every_object_and_follows_the_model()
    {
        var model = Model();
        var text = RenderedConfiguration.Of(model);
        // A section per object, under a header naming it (edge diff's hunks cite it).
        foreach (var item in GatewaySettings.All(model.Edge, model.Deployment, "x"))
            Assert.Contains($"\n# {item.Kind} {(item.Namespace is null ? "" : item.Namespace + "/")}{item.Name}\n", text, StringComparison.Ordinal);
        Assert.StartsWith("---\n# values oci://docker.io/envoyproxy/gateway-helm v1.9.0\n", text, StringComparison.Ordinal);
        Assert.Contains("controllerName: gateway.envoyproxy.io/realtime-envoy\n", text, StringComparison.Ordinal);
        Assert.NotEqual(text, RenderedConfiguration.Of(Model(("sseReadTimeout", "2h"))));
        Assert.Equal(text, RenderedConfiguration.Of(Model()));
        var diff = RealtimeStack.Edge.Changes.UpdatePlanner.Plan(model, Model(("sseReadTimeout", "2h"))).ConfigurationDiff;
        var headers = diff.Split('\n').Where(l => l.StartsWith("@@", StringComparison.Ordinal)).ToArray();
        Assert.Equal([" # BackendTrafficPolicy realtime/realtime-sse"], headers.Select(h => h[h.LastIndexOf(" @@", StringComparison.Ordinal)..][3..]));
    }

    private static string RequestTimeout(CustomObject route)
    {
        var rule = (SortedDictionary<string, object>)((object[])route.Spec["rules"])[0];
        return (string)((SortedDictionary<string, object>)rule["timeouts"])["request"];
    }

    [GeneratedRegex("^([0-9]{1,5}(h|m|s|ms)){1,4}$")]
    private static partial Regex GatewayApiDuration();
}
