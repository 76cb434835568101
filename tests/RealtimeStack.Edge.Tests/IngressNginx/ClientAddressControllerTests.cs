using RealtimeStack.Edge.Configuration;
using RealtimeStack.Edge.IngressNginx;

namespace RealtimeStack.Edge.Tests.IngressNginx;

/// <summary>The client address behind load balancers in Kubernetes mode: the controller ConfigMap keys.</summary>
public sealed class ClientAddressControllerTests
{
    /// <summary>The realip keys of ingress-nginx v1.15.1's ConfigMap (docs/user-guide/nginx-configuration/configmap.md
    /// and internal/ingress/controller/config/config.go at controller-v1.15.1).</summary>
    private static readonly string[] DocumentedKeys = ["enable-real-ip", "use-forwarded-headers", "use-proxy-protocol", "proxy-real-ip-cidr", "compute-full-forwarded-for", "forwarded-for-header"];

    private static (IDictionary<string, object> Controller, IDictionary<string, string> Config) Values(params (string, string)[] changes)
    {
        var model = StackModel.Bind(Stacks.Minimal([("mode", "kubernetes"), ("backendImage", "registry.example.com/realtime/backend:1.0"), .. changes]));
        var controller = (IDictionary<string, object>)ControllerValues.For(model.Edge, model.Deployment)["controller"];
        return (controller, (IDictionary<string, string>)controller["config"]);
    }

    [Fact]
    public void Without_trusted_proxies_no_realip_key_is_set()
    {
        var (_, config) = Values();
        Assert.DoesNotContain(config.Keys, DocumentedKeys.Contains);
    }

    [Fact]
    public void Trusted_proxies_turn_on_realip_from_x_forwarded_for_for_those_ranges_only()
    {
        var (controller, config) = Values(("trustedProxies", "10.0.0.0/8,192.168.1.7,2001:db8::/32"));
        Assert.Equal("10.0.0.0/8,192.168.1.7/32,2001:db8::/32", config["proxy-real-ip-cidr"]);
        Assert.Equal("true", config["enable-real-ip"]);
        // Not the keys that would trust every client's X-Forwarded-Proto/Host or pass its X-Forwarded-For chain on.
        Assert.False(config.ContainsKey("use-forwarded-headers"));
        Assert.False(config.ContainsKey("compute-full-forwarded-for"));
        Assert.False(config.ContainsKey("use-proxy-protocol"));
        Assert.All(config.Keys.Where(k => k.Contains("real-ip") || k.Contains("proxy-protocol") || k.Contains("forwarded")), k => Assert.Contains(k, DocumentedKeys));
        // The load balancer Service keeps the source address, which the trusted ranges are checked against.
        Assert.Equal("Local", ((IDictionary<string, object>)controller["service"])["externalTrafficPolicy"]);
    }

    [Fact]
    public void Proxy_protocol_takes_the_client_from_the_header_of_trusted_senders()
    {
        var (controller, config) = Values(("trustedProxies", "10.0.0.0/8"), ("proxyProtocol", "true"));
        Assert.Equal("true", config["use-proxy-protocol"]);
        Assert.Equal("10.0.0.0/8", config["proxy-real-ip-cidr"]);
        Assert.False(config.ContainsKey("enable-real-ip"));
        Assert.False(config.ContainsKey("use-forwarded-headers"));
        Assert.Equal("Local", ((IDictionary<string, object>)controller["service"])["externalTrafficPolicy"]);
    }
}
