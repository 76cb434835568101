using RealtimeStack.Edge.Model;

namespace RealtimeStack.Edge.Tests.Configuration;

/// <summary>The settings for client limits, trusted proxies and failing backends: their defaults and the rules they enforce.</summary>
public sealed class ClientLimitsBindingTests
{
    [Fact]
    public void Defaults_limit_streams_per_client_and_trust_no_proxy()
    {
        var spec = Stacks.Spec();
        Assert.True(spec.Listen.RejectUnknownHosts);
        Assert.Equal(200, spec.Limits.StreamsPerClient);
        Assert.Null(spec.Limits.ApiRate);
        Assert.Equal(100, spec.Limits.ApiBurst);
        Assert.Equal("10s", spec.Limits.HeaderTimeout.ToNginx());
        Assert.Equal("30s", spec.Limits.BodyTimeout.ToNginx());
        Assert.Equal("8k", spec.Limits.LargeHeaderBufferSize.ToNginx());
        Assert.Empty(spec.ClientAddress.TrustedProxies);
        Assert.False(spec.ClientAddress.ProxyProtocol);
        Assert.Equal("10s", spec.Upstreams.FailTimeout.ToNginx());
    }

    [Theory]
    [InlineData("50r/s", 50, false)]
    [InlineData("600r/m", 600, true)]
    public void An_api_rate_is_requests_per_second_or_minute(string raw, int requests, bool perMinute)
    {
        var rate = Stacks.Spec(("apiRate", raw)).Limits.ApiRate;
        Assert.Equal(new RequestRate(requests, perMinute), rate);
        Assert.Equal(raw, rate!.ToString());
    }

    [Theory]
    [InlineData("10.0.0.0/8", "10.0.0.0/8")]
    [InlineData("192.0.2.7", "192.0.2.7/32")]
    [InlineData("2001:db8::/32", "2001:db8::/32")]
    [InlineData("::1", "::1/128")]
    public void Trusted_proxies_are_addresses_or_cidr_ranges(string raw, string rendered) =>
        Assert.Equal(rendered, Assert.Single(Stacks.Spec(("trustedProxies", raw)).ClientAddress.TrustedProxies).ToString());

    [Theory]
    [InlineData("apiRate", "50/s", "realtime:apiRate")]
    [InlineData("apiRate", "0r/s", "realtime:apiRate")]
    [InlineData("streamsPerClient", "-1", "realtime:streamsPerClient")]
    [InlineData("trustedProxies", "10.0.0.1/8", "no bits set past the prefix")]
    [InlineData("trustedProxies", "lb.example.com", "realtime:trustedProxies")]
    [InlineData("trustedProxies", "10.0.0.0/8,10.0.0.0/8", "listed twice")]
    [InlineData("proxyProtocol", "true", "needs realtime:trustedProxies")]
    [InlineData("clientHeaderTimeout", "0s", "realtime:clientHeaderTimeout")]
    [InlineData("largeHeaderBufferSize", "512", "realtime:largeHeaderBufferSize")]
    [InlineData("failTimeout", "2h", "realtime:failTimeout")]
    public void Bad_values_are_refused_naming_the_key_and_rule(string key, string value, string named)
    {
        var e = Assert.Throws<EdgeConfigException>(() => Stacks.Spec((key, value)));
        Assert.Contains(named, e.Message);
    }
}
