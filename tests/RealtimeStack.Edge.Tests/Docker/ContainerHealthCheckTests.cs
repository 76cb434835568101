using RealtimeStack.Edge.Docker;

namespace RealtimeStack.Edge.Tests.Docker;

public sealed class ContainerHealthCheckTests
{
    [Fact]
    public void The_check_gets_health_with_or_without_the_proxy_protocol_and_never_changes_with_it()
    {
        var plain = ContainerEdgeSettings.For(Stacks.Spec(("httpPort", "8080"))).HealthCheck;
        Assert.Equal(["CMD-SHELL",
            @"wget -q -O /dev/null http://127.0.0.1:8080/healthz || printf 'PROXY TCP4 127.0.0.1 127.0.0.1 1 8080\r\nGET /healthz HTTP/1.0\r\n\r\n' | nc 127.0.0.1 8080 | grep -q '^HTTP/1.1 204'"],
            plain);
        Assert.Equal(plain, ContainerEdgeSettings.For(Stacks.Spec(("httpPort", "8080"), ("trustedProxies", "10.0.0.0/8"), ("proxyProtocol", "true"))).HealthCheck);
        // The bytes the end-to-end test sends to real nginx are the ones printf writes.
        Assert.Equal("PROXY TCP4 127.0.0.1 127.0.0.1 1 8080\r\nGET /healthz HTTP/1.0\r\n\r\n", ContainerHealthCheck.ProxyProtocolRequest(8080));
    }
}
