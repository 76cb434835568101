using RealtimeStack.Edge.Cluster;
using RealtimeStack.Edge.Model;
using RealtimeStack.Edge.Configuration;
using RealtimeStack.Edge.IngressNginx;

namespace RealtimeStack.Edge.Tests.IngressNginx;

public sealed class KubernetesSettingsTests
{
    private static StackModel Model(params (string, string)[] changes) =>
        StackModel.Bind(Stacks.Minimal([("mode", "kubernetes"), ("backendImage", "registry.example.com/realtime/backend:1.0"), .. changes]));

    private static IReadOnlyDictionary<string, string> Annotations(string path, params (string, string)[] changes)
    {
        var model = Model(changes);
        return IngressRoute.All(model.Edge, model.Deployment).Single(r => r.Path == path).Annotations;
    }

    private const string P = IngressNginxChart.AnnotationPrefix;

    [Fact]
    public void Never_the_articles_invented_or_unsafe_annotations()
    {
        var model = Model();
        foreach (var route in IngressRoute.All(model.Edge, model.Deployment))
        {
            Assert.DoesNotContain(P + "enable-websocket", route.Annotations.Keys);
            Assert.DoesNotContain(P + "rewrite-target", route.Annotations.Keys);
            Assert.DoesNotContain(route.Annotations.Keys, k => k.Contains("snippet", StringComparison.Ordinal));
            Assert.All(route.Annotations.Keys, k => Assert.StartsWith(P, k));
            Assert.DoesNotContain('(', route.Path);
        }
    }

    [Fact]
    public void Sse_is_unbuffered_and_streams_get_long_timeouts()
    {
        var sse = Annotations("/sse/");
        Assert.Equal("off", sse[P + "proxy-buffering"]);
        Assert.Equal("3600", sse[P + "proxy-read-timeout"]);
        Assert.Equal("3600", Annotations("/ws/")[P + "proxy-send-timeout"]);
        var api = Annotations("/api/");
        Assert.Equal("60", api[P + "proxy-read-timeout"]);
        Assert.False(api.ContainsKey(P + "proxy-buffering"));
        Assert.Equal("50m", api[P + "proxy-body-size"]);
        Assert.Equal("true", api[P + "ssl-redirect"]);
    }

    [Fact]
    public void Stream_ingresses_get_the_small_proxy_buffer_and_the_api_keeps_the_controllers()
    {
        Assert.Equal("1k", Annotations("/sse/")[P + "proxy-buffer-size"]);
        Assert.Equal("1k", Annotations("/ws/")[P + "proxy-buffer-size"]);
        Assert.False(Annotations("/api/").ContainsKey(P + "proxy-buffer-size"));
        Assert.Equal("4k", Annotations("/ws/", ("streamBufferSize", "4k"))[P + "proxy-buffer-size"]);
    }

    [Fact]
    public void Stickiness_is_applied_at_the_ingress_because_services_are_bypassed()
    {
        Assert.Equal("$remote_addr", Annotations("/ws/")[P + "upstream-hash-by"]);
        Assert.Equal("$remote_addr", Annotations("/sse/")[P + "upstream-hash-by"]);
        Assert.False(Annotations("/api/").ContainsKey(P + "upstream-hash-by"));
        var cookie = Annotations("/ws/", ("stickiness", "cookie"), ("affinityTimeout", "2h"));
        Assert.Equal("cookie", cookie[P + "affinity"]);
        Assert.Equal("7200", cookie[P + "session-cookie-max-age"]);
        Assert.False(cookie.ContainsKey(P + "upstream-hash-by"));
        Assert.DoesNotContain(Annotations("/ws/", ("stickiness", "none")).Keys, k => k.Contains("affinity") || k.Contains("hash"));
    }

    [Fact]
    public void Stream_limits_go_on_each_stream_ingress_and_the_rate_on_the_api_one()
    {
        Assert.Equal("200", Annotations("/sse/")[P + "limit-connections"]);
        Assert.Equal("200", Annotations("/ws/")[P + "limit-connections"]);
        // The API Ingress has its own zone: apiRequestsPerClient.
        Assert.Equal("200", Annotations("/api/")[P + "limit-connections"]);
        Assert.DoesNotContain(Annotations("/api/", ("apiRequestsPerClient", "0")).Keys, k => k.StartsWith(P + "limit-", StringComparison.Ordinal));
        Assert.DoesNotContain(Annotations("/sse/", ("streamsPerClient", "0")).Keys, k => k.StartsWith(P + "limit-", StringComparison.Ordinal));

        var perSecond = Annotations("/api/", ("apiRate", "50r/s"), ("apiBurst", "100"));
        Assert.Equal("50", perSecond[P + "limit-rps"]);
        Assert.Equal("2", perSecond[P + "limit-burst-multiplier"]);
        Assert.False(perSecond.ContainsKey(P + "limit-rpm"));
        var perMinute = Annotations("/api/", ("apiRate", "600r/m"), ("apiBurst", "0"));
        Assert.Equal("600", perMinute[P + "limit-rpm"]);
        // burst = rate x multiplier, and nginx refuses burst=0: the nearest it can say is 1.
        Assert.Equal("1", perMinute[P + "limit-burst-multiplier"]);
        Assert.DoesNotContain(Annotations("/sse/", ("apiRate", "50r/s")).Keys, k => k.Contains("limit-rp", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(10, 25, 3)]
    [InlineData(10, 24, 2)]
    [InlineData(100, 20, 1)]
    [InlineData(1, 100, 100)]
    public void The_burst_multiplier_is_the_nearest_whole_multiple(int rate, int burst, int multiplier)
    {
        Assert.Equal(multiplier, ClientLimitsSettings.BurstMultiplier(new RequestRate(rate, false), burst));
    }

    [Fact]
    public void Controller_config_carries_the_client_limits()
    {
        var config = ControllerValues.ConfigMap(Model(("clientHeaderTimeout", "1500ms"), ("clientBodyTimeout", "2m"), ("largeHeaderBufferSize", "16k")).Edge);
        Assert.Equal("2", config["client-header-timeout"]);
        Assert.Equal("120", config["client-body-timeout"]);
        Assert.Equal("4 16k", config["large-client-header-buffers"]);
        Assert.Equal("429", config["limit-conn-status-code"]);
        Assert.Equal("429", config["limit-req-status-code"]);
        Assert.Equal("true", config["ssl-reject-handshake"]);
        Assert.Equal("false", ControllerValues.ConfigMap(Model(("rejectUnknownHosts", "false")).Edge)["ssl-reject-handshake"]);
    }

    [Fact]
    public void Sub_second_timeouts_round_up_for_ingress_nginx()
    {
        Assert.Equal("2", Annotations("/api/", ("connectTimeout", "1500ms"))[P + "proxy-connect-timeout"]);
    }

    [Fact]
    public void Controller_values_use_only_keys_the_chart_has()
    {
        var model = Model();
        var paths = Flatten(ControllerValues.For(model.Edge, model.Deployment), "").ToArray();
        Assert.All(paths, p => Assert.Contains(p, KnownChartValues.Paths));
        Assert.Contains("controller.service.externalTrafficPolicy", paths);
    }

    [Fact]
    public void Controller_config_carries_the_model()
    {
        var model = Model(("maxStreams", "5000"), ("workerShutdownTimeout", "20m"), ("hstsMaxAge", "1d"));
        var values = ControllerValues.For(model.Edge, model.Deployment);
        var controller = (IDictionary<string, object>)values["controller"];
        var config = (IDictionary<string, string>)controller["config"];
        Assert.Equal("false", config["allow-snippet-annotations"]);
        Assert.Equal("1200s", config["worker-shutdown-timeout"]);
        Assert.Equal(model.Edge.Capacity.WorkerConnections.ToString(), config["max-worker-connections"]);
        Assert.True(int.Parse(config["max-worker-connections"]) >= 10_000);
        Assert.Equal("text/plain text/css application/json application/javascript application/xml", config["gzip-types"]);
        Assert.Equal("4", config["gzip-level"]);
        Assert.Equal("true", config["hsts"]);
        Assert.Equal("86400", config["hsts-max-age"]);
        // The shutdown grace period (drainDelay, 10s by default), the drain, and a margin.
        Assert.Equal(10 + 1200 + CapacitySpec.GraceMargin, controller["terminationGracePeriodSeconds"]);
        Assert.False((bool)controller["allowSnippetAnnotations"]);
        Assert.Equal("Local", ((IDictionary<string, object>)controller["service"])["externalTrafficPolicy"]);
        var ingressClass = (IDictionary<string, object>)controller["ingressClassResource"];
        Assert.Equal("realtime-nginx", ingressClass["name"]);
        Assert.Equal("k8s.io/realtime-nginx", ingressClass["controllerValue"]);
        Assert.False((bool)ingressClass["default"]);
        Assert.All(config.Values, v => Assert.False(string.IsNullOrEmpty(v)));
    }

    [Fact]
    public void Backends_drain_before_they_stop_and_keep_client_ip_affinity()
    {
        var model = Model(("apiReplicas", "3"), ("wsReplicas", "1"), ("drainDelay", "15s"), ("backendGracePeriod", "90s"));
        var workloads = BackendWorkload.All(model.Deployment).ToDictionary(w => w.Role);
        Assert.Equal(["realtime-api", "realtime-sse", "realtime-ws"], workloads.Values.Select(w => w.Name));
        Assert.Equal(3, workloads[BackendRole.Api].Replicas);
        Assert.Equal(2, workloads[BackendRole.Api].MinAvailable);
        Assert.Equal(0, workloads[BackendRole.Ws].MinAvailable);
        Assert.All(workloads.Values, w =>
        {
            Assert.Equal(15, w.PreStopSeconds);
            Assert.Equal(90, w.TerminationGracePeriodSeconds);
            Assert.Equal(10800, w.AffinityTimeoutSeconds);
            Assert.Equal("/healthz", w.HealthPath);
            Assert.Equal("registry.example.com/realtime/backend:1.0", w.Image);
            Assert.Equal(w.Name, w.Labels["app.kubernetes.io/name"]);
        });
    }

    private static IEnumerable<string> Flatten(IDictionary<string, object> map, string prefix)
    {
        foreach (var (key, value) in map)
        {
            var path = prefix.Length == 0 ? key : prefix + "." + key;
            if (value is IDictionary<string, object> child && !KnownChartValues.FreeFormMaps.Contains(path))
                foreach (var inner in Flatten(child, path)) yield return inner;
            else yield return path;
        }
    }
}

public sealed class ControllerParityTests
{
    private static StackModel Model(params (string, string)[] changes) =>
        StackModel.Bind(Stacks.Minimal([("mode", "kubernetes"), ("backendImage", "registry.example.com/realtime/backend:1.0"), .. changes]));

    private static SortedDictionary<string, string> ConfigMap(params (string, string)[] changes) => ControllerValues.ConfigMap(Model(changes).Edge);

    [Fact]
    public void The_controller_does_what_the_nginx_edge_does()
    {
        var map = ConfigMap();
        // Redirects are 301 and the API is buffered, as in the nginx edge (ingress-nginx defaults: 308, unbuffered);
        // the SSE Ingress turns buffering off for itself.
        Assert.Equal("301", map["http-redirect-code"]);
        Assert.Equal("on", map["proxy-buffering"]);
        // 0s is "no keep-alive", as in nginx, not rounded up to a second.
        Assert.Equal("0", ConfigMap(("keepaliveTimeout", "0s"))["keep-alive"]);
        Assert.Equal("1", ConfigMap(("keepaliveTimeout", "500ms"))["keep-alive"]);
    }

    [Fact]
    public void The_risk_level_the_stream_ingresses_need_is_pinned()
    {
        // upstream-hash-by is a High-risk annotation: a lower level would make the controller refuse them.
        Assert.Equal("High", ConfigMap()["annotations-risk-level"]);
        var model = Model();
        Assert.Contains(IngressRoute.All(model.Edge, model.Deployment), r => r.Annotations.ContainsKey(IngressNginxChart.AnnotationPrefix + "upstream-hash-by"));
    }

    [Fact]
    public void The_controller_keeps_listening_while_the_load_balancer_notices_it_is_going()
    {
        var model = Model(("drainDelay", "15s"), ("workerShutdownTimeout", "10m"));
        var controller = (SortedDictionary<string, object>)ControllerValues.For(model.Edge, model.Deployment)["controller"];
        Assert.Equal("15", ((SortedDictionary<string, object>)controller["extraArgs"])["shutdown-grace-period"]);
        // The pod's grace period covers the wait, the drain and a margin.
        Assert.Equal(15 + 600 + CapacitySpec.GraceMargin, controller["terminationGracePeriodSeconds"]);
    }
}
