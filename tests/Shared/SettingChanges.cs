using RealtimeStack.Edge.Configuration;
using RealtimeStack.Edge.Tls;

namespace RealtimeStack.Tests.Shared;

/// <summary>One setting changed on a stack, with what must change beside it (a mode needs an image; a key needs its certificate).</summary>
public sealed record SettingChange(string Setting, IReadOnlyDictionary<string, string> Values)
{
    /// <summary>The stack's values with this change applied.</summary>
    public Dictionary<string, string> ApplyTo(IReadOnlyDictionary<string, string> stack)
    {
        var after = new Dictionary<string, string>(stack);
        foreach (var (key, value) in Values) after[key] = value;
        return after;
    }
}

/// <summary>
/// For every <c>realtime:*</c> setting, a different valid value to change it to on a given stack: the change model's
/// tests, its README table and the mocks tests that check the model against the resources all use these.
/// </summary>
public static class SettingChanges
{
    /// <summary>A certificate and key that are not the stack's: changing them is one row, as in practice.</summary>
    private static readonly Lazy<SelfSignedCertificate.Pem> NewCertificate =
        new(() => SelfSignedCertificate.Create(["localhost", "realtime.example.com", "other.example.com", "www.example.com"], TimeSpan.FromDays(30)));

    public static IReadOnlyList<string> SecretKeys { get; } = [EdgeConfigKeys.TlsCert.FullName, EdgeConfigKeys.TlsKey.FullName];

    /// <summary>One change per setting (certificate and key together), in key-table order.</summary>
    public static IReadOnlyList<SettingChange> For(IReadOnlyDictionary<string, string> stack) =>
        ConfigKey.All.Where(k => k != EdgeConfigKeys.TlsKey).Select(k => For(k, stack)).ToArray();

    /// <summary>The row name of a key: certificate and key share one.</summary>
    public static string Setting(ConfigKey key) =>
        key == EdgeConfigKeys.TlsCert || key == EdgeConfigKeys.TlsKey ? $"{EdgeConfigKeys.TlsCert.FullName} + {EdgeConfigKeys.TlsKey.FullName}" : key.FullName;

    private static SettingChange For(ConfigKey key, IReadOnlyDictionary<string, string> stack)
    {
        var current = key.ValueIn(stack);
        var values = new Dictionary<string, string>();
        if (key == EdgeConfigKeys.TlsCert)
        {
            values[EdgeConfigKeys.TlsCert.FullName] = NewCertificate.Value.CertificatePem;
            values[EdgeConfigKeys.TlsKey.FullName] = NewCertificate.Value.PrivateKeyPem;
        }
        else if (key == DeploymentConfigKeys.Mode)
        {
            var toKubernetes = current != "kubernetes";
            values[key.FullName] = toKubernetes ? "kubernetes" : "docker";
            // Kubernetes pulls the backends' image; it cannot build one.
            if (toKubernetes && !stack.ContainsKey(DeploymentConfigKeys.BackendImage.FullName))
                values[DeploymentConfigKeys.BackendImage.FullName] = "registry.example.com/realtime/backend:2.0.0";
            // Docker reaches each backend container by name; a Kubernetes stack's servers are not used there.
            if (!toKubernetes)
                foreach (var (servers, names) in new[] { (EdgeConfigKeys.ApiServers, "api-1:9000,api-2:9001"), (EdgeConfigKeys.SseServers, "sse-1:9100"), (EdgeConfigKeys.WsServers, "ws-1:9200") })
                    if (!stack.ContainsKey(servers.FullName)) values[servers.FullName] = names;
        }
        else if (key == EdgeConfigKeys.ProxyProtocol)
        {
            values[key.FullName] = current == "true" ? "false" : "true";
            // The PROXY protocol header is believed only from trusted proxies.
            if (!stack.ContainsKey(EdgeConfigKeys.TrustedProxies.FullName)) values[EdgeConfigKeys.TrustedProxies.FullName] = "10.0.0.0/8";
        }
        else if (key == EdgeConfigKeys.ApiBurst)
        {
            values[key.FullName] = Alternatives[key.Name].First(v => v != current);
            // A burst is allowed above a rate; with no rate (the default) there is nothing to burst above.
            var rate = EdgeConfigKeys.ApiRate.ValueIn(stack);
            if (rate == "0") values[EdgeConfigKeys.ApiRate.FullName] = "50r/s";
        }
        else values[key.FullName] = Alternatives[key.Name].First(v => v != current);
        return new SettingChange(Setting(key), values);
    }

    /// <summary>The rule a stack's mode refuses the setting's change with (a setting of another mode), or null.</summary>
    public static string? Refused(IReadOnlyDictionary<string, string> stack, string setting) =>
        DeploymentConfigKeys.Mode.ValueIn(stack) != "gateway" ? null
        // apiBurst's change sets an apiRate (a burst needs a rate), which gateway mode refuses.
        : setting == EdgeConfigKeys.ApiRate.FullName || setting == EdgeConfigKeys.StreamsPerClient.FullName || setting == EdgeConfigKeys.ApiBurst.FullName
            || setting == EdgeConfigKeys.ApiRequestsPerClient.FullName
            ? RealtimeStack.Edge.Configuration.StackModel.GatewayPerClientLimitRule
        : setting == EdgeConfigKeys.ProxyProtocol.FullName ? RealtimeStack.Edge.Configuration.StackModel.GatewayProxyProtocolRule
        : null;

    // Two candidates each, so one differs from whatever the stack has.
    private static readonly Dictionary<string, string[]> Alternatives = new()
    {
        ["domain"] = ["other.example.com", "realtime.example.com"],
        ["aliases"] = ["www.example.com", "other.example.com"],
        ["httpPort"] = ["8081", "8082"],
        ["httpsPort"] = ["8444", "8445"],
        ["redirectHttp"] = ["false", "true"],
        ["keepaliveTimeout"] = ["30s", "40s"],
        ["rejectUnknownHosts"] = ["false", "true"],
        ["trustedProxies"] = ["10.0.0.0/8", "192.168.0.0/16"],
        ["failTimeout"] = ["30s", "20s"],
        ["streamBufferSize"] = ["4k", "2k"],
        ["streamsPerClient"] = ["50", "100"],
        ["apiRequestsPerClient"] = ["50", "100"],
        ["apiRate"] = ["50r/s", "100r/s"],
        ["apiBurst"] = ["20", "50"],
        ["clientHeaderTimeout"] = ["20s", "30s"],
        ["clientBodyTimeout"] = ["60s", "90s"],
        ["largeHeaderBufferSize"] = ["16k", "32k"],
        ["metrics"] = ["false", "true"],
        ["statusPort"] = ["8090", "8091"],
        ["tlsProtocols"] = ["TLSv1.3", "TLSv1.2"],
        ["http2"] = ["false", "true"],
        ["tlsBufferSize"] = ["16k", "8k"],
        ["tlsSessionCache"] = ["20m", "30m"],
        ["hstsMaxAge"] = ["365d", "30d"],
        ["apiServers"] = ["api-1:9000,api-2:9001,api-3:9002", "api-1:9000"],
        ["sseServers"] = ["sse-1:9100,sse-2:9101", "sse-1:9100"],
        ["wsServers"] = ["ws-1:9200,ws-2:9201", "ws-1:9200"],
        ["apiKeepalive"] = ["16", "64"],
        ["stickiness"] = ["none", "clientIp"],
        ["connectTimeout"] = ["30s", "20s"],
        ["apiReadTimeout"] = ["120s", "90s"],
        ["apiSendTimeout"] = ["120s", "90s"],
        ["sseReadTimeout"] = ["2h", "3h"],
        ["sseSendTimeout"] = ["2h", "3h"],
        ["wsReadTimeout"] = ["2h", "3h"],
        ["wsSendTimeout"] = ["2h", "3h"],
        ["clientMaxBodySize"] = ["100m", "10m"],
        ["clientBodyBufferSize"] = ["1m", "2m"],
        ["gzip"] = ["false", "true"],
        ["gzipTypes"] = ["application/json", "text/plain"],
        ["gzipMinLength"] = ["2048", "512"],
        ["gzipLevel"] = ["6", "5"],
        ["maxStreams"] = ["20000", "5000"],
        ["workerProcesses"] = ["2", "4"],
        ["workerShutdownTimeout"] = ["20m", "30m"],
        ["nginxVersion"] = ["1.27.5", "1.28.1"],
        ["backendImage"] = ["registry.example.com/realtime/backend:2.0.0", "registry.example.com/realtime/backend:3.0.0"],
        ["namespace"] = ["realtime-next", "realtime-blue"],
        ["ingressClass"] = ["realtime-nginx-next", "realtime-nginx-blue"],
        ["proxyReplicas"] = ["3", "4"],
        ["gatewayClass"] = ["realtime-envoy-next", "realtime-envoy-blue"],
        ["gatewayCrds"] = ["external", "install"],
        ["apiReplicas"] = ["3", "4"],
        ["sseReplicas"] = ["3", "4"],
        ["wsReplicas"] = ["3", "4"],
        ["backendPort"] = ["9090", "9091"],
        ["drainDelay"] = ["5s", "15s"],
        ["backendGracePeriod"] = ["90s", "120s"],
        ["affinityTimeout"] = ["1h", "2h"],
        ["metricsHostPort"] = ["9113", "9114"],
        ["metricsMonitor"] = ["true", "false"],
        ["metricsMonitorLabels"] = ["release=kube-prometheus-stack", "team=realtime"],
    };
}
