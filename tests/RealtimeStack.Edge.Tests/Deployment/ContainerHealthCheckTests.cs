using RealtimeStack.Edge.Containers;
using RealtimeStack.Edge.Tests.Support;

namespace RealtimeStack.Edge.Tests.Deployment;

public sealed class ContainerHealthCheckTests
{
    [Fact]
    public void Without_the_proxy_protocol_the_check_is_a_plain_get()
    {
        Assert.Equal(["CMD", "wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8080/healthz"],
            ContainerEdgeSettings.For(Stacks.Spec(("httpPort", "8080"), ("trustedProxies", "10.0.0.0/8"))).HealthCheck);
    }

    [Fact]
    public void With_the_proxy_protocol_the_check_sends_the_header_itself()
    {
        var check = ContainerEdgeSettings.For(Stacks.Spec(("httpPort", "8080"), ("trustedProxies", "10.0.0.0/8"), ("proxyProtocol", "true"))).HealthCheck;
        Assert.Equal("CMD-SHELL", check[0]);
        Assert.Equal(
            @"printf 'PROXY TCP4 127.0.0.1 127.0.0.1 1 8080\r\nGET /healthz HTTP/1.0\r\n\r\n' | nc 127.0.0.1 8080 | grep -q '^HTTP/1.1 204'",
            Assert.Single(check.Skip(1)));
        // The bytes the end-to-end test sends to real nginx are the ones printf writes.
        Assert.Equal("PROXY TCP4 127.0.0.1 127.0.0.1 1 8080\r\nGET /healthz HTTP/1.0\r\n\r\n", ContainerHealthCheck.ProxyProtocolRequest(8080));
    }
}
