using RealtimeStack.Cli.Doctor;

namespace RealtimeStack.Cli.Tests.Doctor;

/// <summary>Which edge the Server headers of its answers point to.</summary>
public sealed class EdgeKindDetectorTests
{
    private static ServerHeaderObservation Redirect(string? server) => new(EdgeKindDetector.RedirectProbe, 301, server);

    private static ServerHeaderObservation Proxied(string probe, string? server) => new(probe, 200, server);

    [Fact]
    public void Server_envoy_on_every_answer_is_envoy_gateway()
    {
        var identity = EdgeKindDetector.Detect([Redirect("envoy"), Proxied("api", "envoy"), Proxied("sse", "envoy"), new("ws", 101, "envoy")]);

        Assert.Equal(EdgeKind.EnvoyGateway, identity.Kind);
        Assert.False(identity.Given);
        Assert.Equal("envoy-gateway", identity.Name);
        Assert.Contains("server: envoy on every answer", identity.Evidence);
    }

    [Theory]
    [InlineData("nginx")]
    [InlineData("nginx/1.27.3")]
    public void Server_nginx_on_every_answer_is_nginx(string server)
    {
        var identity = EdgeKindDetector.Detect([Redirect(server), Proxied("api", server), new("ws", 101, server)]);

        Assert.Equal(EdgeKind.Nginx, identity.Kind);
        Assert.Contains($"server: {server} on every answer", identity.Evidence);
    }

    [Fact]
    public void One_answer_without_envoy_is_not_enough_for_envoy()
    {
        Assert.Null(EdgeKindDetector.Detect([Redirect("envoy"), Proxied("api", "envoy"), Proxied("sse", "nginx")]).Kind);
        Assert.Null(EdgeKindDetector.Detect([Proxied("api", "envoy"), Proxied("sse", null)]).Kind);
    }

    [Fact]
    public void A_name_that_only_starts_like_envoy_or_nginx_is_neither()
    {
        Assert.Null(EdgeKindDetector.Detect([Proxied("api", "envoyish"), Proxied("sse", "envoyish")]).Kind);
        Assert.Null(EdgeKindDetector.Detect([Proxied("api", "nginxplus-lookalike"), Proxied("sse", "nginxplus-lookalike")]).Kind);
    }

    [Fact]
    public void Envoy_gateway_default_is_no_server_header_of_its_own_and_the_backends_passed_through()
    {
        // Envoy Gateway's listeners pass the upstream Server header through and add none (server header transformation PASS_THROUGH).
        var identity = EdgeKindDetector.Detect([Redirect(null), Proxied("api", "Kestrel"), Proxied("sse", "Kestrel"), new("ws", 101, "Kestrel")]);

        Assert.Equal(EdgeKind.EnvoyGateway, identity.Kind);
        Assert.Contains("no Server header on the edge's own redirect", identity.Evidence);
    }

    [Fact]
    public void Without_the_redirect_answer_a_passed_through_server_header_does_not_tell()
    {
        var identity = EdgeKindDetector.Detect([Proxied("api", "Kestrel"), Proxied("sse", "Kestrel")]);

        Assert.Null(identity.Kind);
        Assert.Equal("unknown", identity.Name);
        Assert.Equal("the Server headers do not tell: api: Kestrel, sse: Kestrel", identity.Evidence);
    }

    [Fact]
    public void No_answer_tells_nothing() => Assert.Null(EdgeKindDetector.Detect([]).Kind);
}
