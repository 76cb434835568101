using System.Collections.Immutable;
using Pulumi;
using RealtimeStack.Components.GatewayApi;
using RealtimeStack.Components.Tests.Support;
using RealtimeStack.Edge.GatewayApi;
using RealtimeStack.Edge.Configuration;
using RealtimeStack.Edge.Rendering;
using Map = System.Collections.Immutable.ImmutableDictionary<string, object>;

namespace RealtimeStack.Components.Tests;

/// <summary>
/// The gateway stack (Pulumi.gateway.yaml) under Pulumi mocks: Envoy Gateway, the Gateway API objects and the same
/// backends as kubernetes mode; every custom resource checked against the CRD schema of the pinned release.
/// </summary>
public sealed class GatewayEdgeTests
{
    private const string Release = "kubernetes:helm.sh/v3:Release";
    private const string CrdsChart = "kubernetes:helm.sh/v4:Chart";
    private const string HttpRoute = "kubernetes:gateway.networking.k8s.io/v1:HTTPRoute";
    private const string BackendPolicy = "kubernetes:gateway.envoyproxy.io/v1alpha1:BackendTrafficPolicy";
    private const string ClientPolicy = "kubernetes:gateway.envoyproxy.io/v1alpha1:ClientTrafficPolicy";
    private const string GatewayType = "kubernetes:gateway.networking.k8s.io/v1:Gateway";

    private static Task<PulumiRun> RunGateway(params (string, string)[] changes) =>
        PulumiRun.OfStackAsync(StackConfig.FromStackFile("gateway", changes));

    private static StackModel Model(params (string, string)[] changes) => StackModel.Bind(StackConfig.FromStackFile("gateway", changes));

    [Fact]
    public async Task Creates_envoy_gateway_the_gateway_objects_the_backends_and_the_secret()
    {
        var run = await RunGateway();
        var types = run.Mocks.Registered.GroupBy(r => r.Type!).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(1, types[Release]);
        Assert.Equal(1, types[CrdsChart]);
        Assert.Equal(2, types["kubernetes:core/v1:Namespace"]);
        Assert.Equal(3, types["kubernetes:apps/v1:Deployment"]);
        Assert.Equal(3, types["kubernetes:core/v1:Service"]);
        Assert.Equal(3, types["kubernetes:policy/v1:PodDisruptionBudget"]);
        Assert.Equal(1, types["kubernetes:core/v1:Secret"]);
        Assert.Equal(1, types["kubernetes:gateway.networking.k8s.io/v1:GatewayClass"]);
        Assert.Equal(1, types["kubernetes:gateway.envoyproxy.io/v1alpha1:EnvoyProxy"]);
        Assert.Equal(1, types[GatewayType]);
        Assert.Equal(4, types[HttpRoute]);
        Assert.Equal(3, types[BackendPolicy]);
        Assert.Equal(1, types[ClientPolicy]);
        Assert.False(types.ContainsKey("kubernetes:networking.k8s.io/v1:Ingress"));
        Assert.False(types.ContainsKey("docker:index/container:Container"));

        var edge = run.Single<RealtimeEdge>();
        Assert.Equal(
            [ComponentTypes.Backend, ComponentTypes.Backend, ComponentTypes.Backend, ComponentTypes.DevCertificate, ComponentTypes.EnvoyGatewayEdge, ComponentTypes.Gateway, ComponentTypes.TlsSecret],
            ResourceTree.Children(edge).OfType<ComponentResource>().Select(c => c.GetResourceType()).Order());
        Assert.Equal(
            new[] { CrdsChart, Release, "kubernetes:core/v1:Namespace", "kubernetes:gateway.envoyproxy.io/v1alpha1:EnvoyProxy", "kubernetes:gateway.networking.k8s.io/v1:GatewayClass" }.Order(StringComparer.Ordinal),
            ResourceTree.Children(run.Single<EnvoyGatewayEdge>()).Select(r => r.GetResourceType()).Order(StringComparer.Ordinal));
        Assert.Equal(
            [BackendPolicy, BackendPolicy, BackendPolicy, ClientPolicy, GatewayType, HttpRoute, HttpRoute, HttpRoute, HttpRoute],
            ResourceTree.Children(run.Single<RealtimeGateway>()).Select(r => r.GetResourceType()).Order(StringComparer.Ordinal));
        var descendants = ResourceTree.Descendants(edge).ToHashSet();
        Assert.All(run.Resources.Where(r => r is not Stack && r != edge), r => Assert.True(descendants.Contains(r), $"{r.GetResourceType()} is not under the edge"));
    }

    public static TheoryData<string[]> Variants => new()
    {
        { [] },
        { ["realtime:stickiness", "cookie"] },
        { ["realtime:stickiness", "none", "realtime:gzip", "false"] },
        { ["realtime:rejectUnknownHosts", "false", "realtime:redirectHttp", "false"] },
        { ["realtime:aliases", "*.realtime.example.com,www.example.com", "realtime:httpsPort", "8443", "realtime:httpPort", "8080"] },
        { ["realtime:trustedProxies", "10.0.0.0/8,192.168.1.1", "realtime:hstsMaxAge", "0s"] },
        { ["realtime:trustedProxies", "10.0.0.0/8", "realtime:maxStreams", "100000"] },
        { ["realtime:http2", "false", "realtime:tlsProtocols", "TLSv1.3"] },
        { ["realtime:proxyReplicas", "1", "realtime:connectTimeout", "1500ms", "realtime:sseReadTimeout", "90s", "realtime:workerShutdownTimeout", "1d"] },
        { ["realtime:gatewayCrds", "external"] },
        { ["realtime:metricsMonitor", "true", "realtime:metricsMonitorLabels", "release=kube-prometheus-stack"] },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task Every_object_passes_its_schema(string[] settings)
    {
        var run = await RunGateway(Pairs(settings));
        var objects = run.Mocks.Registered.Where(r => r.Type!.StartsWith("kubernetes:", StringComparison.Ordinal) && r.Type is not (Release or CrdsChart) && string.IsNullOrEmpty(r.Id)).ToArray();
        string[] customGroups = ["gateway.networking.k8s.io/", "gateway.envoyproxy.io/", "monitoring.coreos.com/"];
        var custom = objects.Where(o => customGroups.Any(g => ((string)o.Inputs["apiVersion"]).StartsWith(g, StringComparison.Ordinal))).ToArray();
        Assert.NotEmpty(custom);
        // Custom resources against the CRDs of Gateway API v1.6.1 and Envoy Gateway v1.9.0 (a kind without a schema there fails).
        foreach (var o in custom)
            Assert.True(CrdSchema.ErrorsOf(o.Inputs) is { Count: 0 }, $"{o.Type} {o.Name}: {string.Join("; ", CrdSchema.ErrorsOf(o.Inputs))}");
        // The rest against Kubernetes' own schema.
        foreach (var o in objects.Except(custom)) KubernetesSchema.Validate(o.Inputs);
    }

    [Fact]
    public async Task Stream_routes_have_no_request_timeout_and_the_models_idle_timeout()
    {
        var run = await RunGateway(("realtime:sseReadTimeout", "2h"), ("realtime:apiReadTimeout", "45s"));
        var routes = run.Mocks.OfType(HttpRoute).ToDictionary(r => Name(r.Inputs));
        // Envoy Gateway's 15 s default would end every stream: the stream routes disable the request timeout.
        Assert.Equal("0s", Timeouts(routes["realtime-sse"])["request"]);
        Assert.Equal("0s", Timeouts(routes["realtime-ws"])["request"]);
        // The API route has none either: Envoy's request timeout ends a whole response, nginx's read timeout is a gap.
        Assert.Equal("0s", Timeouts(routes["realtime-api"])["request"]);
        Assert.Equal("/sse/", Path(Rule(routes["realtime-sse"])["matches"], 0, "path", "value"));
        Assert.Equal("realtime-sse", Path(Rule(routes["realtime-sse"])["backendRefs"], 0, "name"));

        var policies = run.Mocks.OfType(BackendPolicy).ToDictionary(r => Name(r.Inputs));
        Assert.Equal("2h", Path(Spec(policies["realtime-sse"]), "timeout", "http", "streamIdleTimeout"));
        Assert.Equal("1h", Path(Spec(policies["realtime-ws"]), "timeout", "http", "streamIdleTimeout"));
        Assert.Equal("45s", Path(Spec(policies["realtime-api"]), "timeout", "http", "streamIdleTimeout"));
        // Each route replaces the listener's 5-minute default with its own; the listener keeps none, so changing a
        // route's timeout never changes (and drains) the listener.
        Assert.False(((Map)Path(Spec(Assert.Single(run.Mocks.OfType(ClientPolicy))), "timeout", "http")).ContainsKey("streamIdleTimeout"));
        // Streams are pinned by client address; the API is not, and only the API is compressed.
        Assert.Equal("SourceIP", Path(Spec(policies["realtime-sse"]), "loadBalancer", "consistentHash", "type"));
        Assert.Equal("SourceIP", Path(Spec(policies["realtime-ws"]), "loadBalancer", "consistentHash", "type"));
        Assert.False(Spec(policies["realtime-api"]).ContainsKey("loadBalancer"));
        Assert.True(Spec(policies["realtime-api"]).ContainsKey("compressor"));
        Assert.False(Spec(policies["realtime-sse"]).ContainsKey("compressor"));
        Assert.False(Spec(policies["realtime-ws"]).ContainsKey("compressor"));
    }

    [Fact]
    public async Task Cookie_stickiness_pins_streams_with_a_secure_cookie()
    {
        var run = await RunGateway(("realtime:stickiness", "cookie"), ("realtime:affinityTimeout", "2h"));
        var sse = run.Mocks.OfType(BackendPolicy).Single(p => Name(p.Inputs) == "realtime-sse");
        var cookie = (Map)Path(Spec(sse), "loadBalancer", "consistentHash", "cookie");
        Assert.Equal(Edge.Cluster.AffinityCookie.Name, cookie["name"]);
        Assert.Equal("2h", cookie["ttl"]);
        Assert.Equal("/sse/", ((Map)cookie["attributes"])["Path"]);
    }

    [Theory]
    [InlineData("10000")]
    [InlineData("50000")]
    public async Task Limits_are_sized_from_max_streams(string maxStreams)
    {
        var run = await RunGateway(("realtime:maxStreams", maxStreams));
        var streams = int.Parse(maxStreams, System.Globalization.CultureInfo.InvariantCulture);
        foreach (var policy in run.Mocks.OfType(BackendPolicy))
        {
            var breaker = (Map)Spec(policy)["circuitBreaker"];
            // Envoy's default of 1024 per backend would refuse the 1025th stream.
            foreach (var limit in new[] { "maxConnections", "maxPendingRequests", "maxParallelRequests" })
                Assert.True((double)breaker[limit] >= streams, $"{Name(policy.Inputs)} {limit} {breaker[limit]} < {streams}");
        }
        var connections = (double)Path(Spec(Assert.Single(run.Mocks.OfType(ClientPolicy))), "connection", "connectionLimit", "value");
        Assert.True(connections >= streams);
        Assert.Equal(GatewaySettings.CircuitBreakerLimit(Model(("realtime:maxStreams", maxStreams)).Edge), connections);
    }

    [Fact]
    public async Task The_gateway_terminates_tls_with_the_stacks_secret_and_redirects_plain_http()
    {
        var run = await RunGateway(("realtime:aliases", "www.example.com"), ("realtime:httpsPort", "8443"));
        var gateway = Spec(Assert.Single(run.Mocks.OfType(GatewayType)));
        Assert.Equal("realtime-envoy", gateway["gatewayClassName"]);
        var listeners = ((ImmutableArray<object>)gateway["listeners"]).Cast<Map>().ToArray();
        // One HTTPS listener per name (unknown names get no handshake), then plain HTTP.
        Assert.Equal(["https-0", "https-1", "http"], listeners.Select(l => (string)l["name"]));
        Assert.Equal(["realtime.example.com", "www.example.com"], listeners.Take(2).Select(l => (string)l["hostname"]));
        foreach (var https in listeners.Take(2))
        {
            Assert.Equal(8443d, https["port"]);
            Assert.Equal(RecordingMocks.AutoName("edge-tls"), Path(https["tls"], "certificateRefs", 0, "name"));
        }
        var redirect = run.Mocks.OfType(HttpRoute).Single(r => Name(r.Inputs) == GatewaySettings.RedirectRouteName);
        Assert.Equal("http", Path(Spec(redirect)["parentRefs"], 0, "sectionName"));
        var filter = (Map)Path(Rule(redirect)["filters"], 0, "requestRedirect");
        Assert.Equal("https", filter["scheme"]);
        Assert.Equal(301d, filter["statusCode"]);
        Assert.Equal(8443d, filter["port"]);
        Assert.False(Rule(redirect).ContainsKey("backendRefs"));
        // The routes attach to the HTTPS listeners only: plain HTTP just redirects.
        foreach (var route in run.Mocks.OfType(HttpRoute).Where(r => Name(r.Inputs) != GatewaySettings.RedirectRouteName))
            Assert.Equal(["https-0", "https-1"], ((ImmutableArray<object>)Spec(route)["parentRefs"]).Cast<Map>().Select(p => (string)p["sectionName"]));
    }

    [Fact]
    public async Task The_release_and_the_crds_are_pinned_and_their_values_exist_in_the_charts()
    {
        var run = await RunGateway();
        var release = Assert.Single(run.Mocks.OfType(Release));
        Assert.Equal(EnvoyGatewayRelease.Chart, release.Inputs["chart"]);
        Assert.Equal("v1.9.0", release.Inputs["version"]);
        Assert.Equal(true, release.Inputs["skipCrds"]);
        Assert.Equal(false, release.Inputs["createNamespace"]);
        Assert.Equal("realtime-gateway", release.Inputs["namespace"]);
        var values = (Map)release.Inputs["values"];
        Assert.Empty(ChartValues.GatewayHelm.Missing(values));
        Assert.Equal(false, Path(values, "crds", "enabled"));
        // The controller takes only this stack's class: the GatewayClass names the release's controller.
        var gatewayClass = Spec(Assert.Single(run.Mocks.OfType("kubernetes:gateway.networking.k8s.io/v1:GatewayClass")));
        Assert.Equal(Path(values, "config", "envoyGateway", "gateway", "controllerName"), gatewayClass["controllerName"]);
        Assert.Equal("gateway.envoyproxy.io/realtime-envoy", gatewayClass["controllerName"]);

        var crds = Assert.Single(run.Mocks.OfType(CrdsChart));
        Assert.Equal(EnvoyGatewayRelease.CrdsChart, crds.Inputs["chart"]);
        Assert.Equal("v1.9.0", crds.Inputs["version"]);
        var crdValues = (Map)crds.Inputs["values"];
        Assert.Empty(ChartValues.GatewayCrdsHelm.Missing(crdValues));
        Assert.Equal("standard", Path(crdValues, "crds", "gatewayAPI", "channel"));
        Assert.Equal(true, Path(crdValues, "crds", "gatewayAPI", "enabled"));
        Assert.Equal(true, Path(crdValues, "crds", "envoyGateway", "enabled"));
    }

    [Fact]
    public async Task With_external_crds_the_stack_reads_each_crd_instead_of_installing_them()
    {
        var run = await RunGateway(("realtime:gatewayCrds", "external"));
        Assert.Empty(run.Mocks.OfType(CrdsChart));
        var reads = run.Mocks.OfType("kubernetes:apiextensions.k8s.io/v1:CustomResourceDefinition");
        Assert.Equal(EnvoyGatewayRelease.RequiredCrds.Order(StringComparer.Ordinal), reads.Select(r => r.Id!).Order(StringComparer.Ordinal));
        // Every kind the stack creates is among the CRDs it reads.
        var kinds = run.Mocks.Registered.Where(r => r.Type!.Contains("gateway.", StringComparison.Ordinal) && string.IsNullOrEmpty(r.Id))
            .Select(r => (string)r.Inputs["kind"]).Distinct();
        Assert.All(kinds, k => Assert.Contains(EnvoyGatewayRelease.RequiredCrds, crd => crd.StartsWith(Plural(k) + ".", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_proxies_drain_for_the_shutdown_timeout_and_keep_one_up()
    {
        var run = await RunGateway(("realtime:workerShutdownTimeout", "20m"), ("realtime:proxyReplicas", "3"));
        var proxy = Spec(Assert.Single(run.Mocks.OfType("kubernetes:gateway.envoyproxy.io/v1alpha1:EnvoyProxy")));
        Assert.Equal("20m", Path(proxy, "shutdown", "drainTimeout"));
        Assert.Equal("10s", Path(proxy, "shutdown", "minDrainDuration"));
        Assert.Equal(3d, Path(proxy, "provider", "kubernetes", "envoyDeployment", "replicas"));
        Assert.Equal(1d, Path(proxy, "provider", "kubernetes", "envoyPDB", "minAvailable"));
        Assert.Equal("Local", Path(proxy, "provider", "kubernetes", "envoyService", "externalTrafficPolicy"));
        // A budget keeping one of one up would block every node drain.
        var single = await RunGateway(("realtime:proxyReplicas", "1"));
        Assert.False(((Map)Path(Spec(Assert.Single(single.Mocks.OfType("kubernetes:gateway.envoyproxy.io/v1alpha1:EnvoyProxy"))), "provider", "kubernetes")).ContainsKey("envoyPDB"));
    }

    [Fact]
    public async Task The_client_address_is_believed_only_from_trusted_proxies_and_sent_as_x_real_ip()
    {
        var direct = await RunGateway();
        Assert.False(Spec(Assert.Single(direct.Mocks.OfType(ClientPolicy))).ContainsKey("clientIPDetection"));
        var behind = await RunGateway(("realtime:trustedProxies", "10.0.0.0/8,192.168.1.1"));
        var cidrs = (ImmutableArray<object>)Path(Spec(Assert.Single(behind.Mocks.OfType(ClientPolicy))), "clientIPDetection", "xForwardedFor", "trustedCIDRs");
        Assert.Equal(["10.0.0.0/8", "192.168.1.1/32"], cidrs.Cast<string>());
        foreach (var route in behind.Mocks.OfType(HttpRoute).Where(r => Name(r.Inputs) != GatewaySettings.RedirectRouteName))
        {
            var modifier = (Map)Path(Rule(route)["filters"], 0, "requestHeaderModifier");
            var set = ((ImmutableArray<object>)modifier["set"]).Cast<Map>().ToDictionary(h => (string)h["name"], h => (string)h["value"]);
            // The client address Envoy settled on, alone, as the nginx edge sends it; Envoy would append its hop to
            // whatever X-Forwarded-For the client wrote.
            Assert.Equal(GatewaySettings.ClientAddressFormat, set["X-Real-IP"]);
            Assert.Equal(GatewaySettings.ClientAddressFormat, set["X-Forwarded-For"]);
            Assert.Equal("%REQ(:AUTHORITY)%", set["X-Forwarded-Host"]);
            Assert.Equal("%DOWNSTREAM_LOCAL_PORT%", set["X-Forwarded-Port"]);
            Assert.Equal(Edge.Model.ClientAddressSpec.UnvouchedHeaders, ((ImmutableArray<object>)modifier["remove"]).Cast<string>());
        }
    }

    [Fact]
    public async Task Each_proxy_may_hold_as_many_connections_as_the_limit_allows()
    {
        // Envoy Gateway's bootstrap caps every proxy at 50,000 downstream connections (overload manager); the patch
        // raises the cap to the connection limit, so 100,000 streams are not refused at 50,000.
        var run = await RunGateway(("realtime:maxStreams", "100000"));
        var proxy = Assert.Single(run.Mocks.OfType("kubernetes:gateway.envoyproxy.io/v1alpha1:EnvoyProxy"));
        Assert.Empty(CrdSchema.ErrorsOf(proxy.Inputs));
        var bootstrap = (Map)Path(Spec(proxy), "bootstrap");
        Assert.Equal("JSONPatch", bootstrap["type"]);
        var patch = (Map)Path(bootstrap, "jsonPatches", 0);
        Assert.Equal(("replace", GatewaySettings.MaxDownstreamConnectionsPointer, 101_024.0), ((string)patch["op"], (string)patch["path"], Convert.ToDouble(patch["value"], System.Globalization.CultureInfo.InvariantCulture)));
        var limit = Convert.ToDouble(Path(Spec(Assert.Single(run.Mocks.OfType(ClientPolicy))), "connection", "connectionLimit", "value"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(limit, Convert.ToDouble(patch["value"], System.Globalization.CultureInfo.InvariantCulture));
        // The pointer names the cap in the pinned release's bootstrap (kept as test data).
        Assert.Equal(50_000, EnvoyBootstrap.MaxActiveDownstreamConnections(GatewaySettings.MaxDownstreamConnectionsPointer));
    }

    [Fact]
    public async Task Stream_routes_take_their_methods_and_unknown_hosts_are_served_when_asked()
    {
        var run = await RunGateway();
        var routes = run.Mocks.OfType(HttpRoute).ToDictionary(r => Name(r.Inputs));
        string[] Methods(string route) => ((ImmutableArray<object>)Rule(routes[route])["matches"]).Cast<Map>().Select(m => m.TryGetValue("method", out var v) ? (string)v : "any").ToArray();
        Assert.Equal(["GET", "HEAD"], Methods("realtime-sse"));
        Assert.Equal(["GET"], Methods("realtime-ws"));
        Assert.Equal(["any"], Methods("realtime-api"));
        Assert.All(routes.Values, r => Assert.True(Spec(r).ContainsKey("hostnames")));
        // rejectUnknownHosts off: the nginx edge serves any Host, so the routes name none (every name matches).
        var open = await RunGateway(("realtime:rejectUnknownHosts", "false"));
        Assert.All(open.Mocks.OfType(HttpRoute), r => Assert.False(Spec(r).ContainsKey("hostnames")));
    }

    [Fact]
    public async Task A_pod_monitor_scrapes_the_envoy_proxies_of_this_gateway_when_asked()
    {
        Assert.Empty((await RunGateway()).Mocks.OfType("kubernetes:monitoring.coreos.com/v1:PodMonitor"));
        var run = await RunGateway(("realtime:metricsMonitor", "true"), ("realtime:metricsMonitorLabels", "release=kube-prometheus-stack"));
        var monitor = Assert.Single(run.Mocks.OfType("kubernetes:monitoring.coreos.com/v1:PodMonitor"));
        Assert.Empty(CrdSchema.ErrorsOf(monitor.Inputs));
        var metadata = (Map)monitor.Inputs["metadata"];
        Assert.Equal("realtime-gateway", metadata["namespace"]);
        Assert.Equal("kube-prometheus-stack", ((Map)metadata["labels"])["release"]);
        // The labels Envoy Gateway puts on the proxy pods of the Gateway realtime/realtime, and their metrics port.
        var selector = (Map)Path(Spec(monitor), "selector", "matchLabels");
        Assert.Equal("envoy", selector["app.kubernetes.io/name"]);
        Assert.Equal(GatewaySettings.GatewayName, selector["gateway.envoyproxy.io/owning-gateway-name"]);
        Assert.Equal("realtime", selector["gateway.envoyproxy.io/owning-gateway-namespace"]);
        var endpoint = (Map)Path(Spec(monitor), "podMetricsEndpoints", 0);
        Assert.Equal(("metrics", "/stats/prometheus"), ((string)endpoint["port"], (string)endpoint["path"]));
        Assert.Contains(ResourceTree.Children(run.Single<EnvoyGatewayEdge>()), r => r.GetResourceType() == "kubernetes:monitoring.coreos.com/v1:PodMonitor");
    }

    [Fact]
    public async Task Outputs_are_those_of_the_other_modes_and_the_key_stays_secret()
    {
        var pem = Edge.Tls.SelfSignedCertificate.Create(["realtime.example.com"], TimeSpan.FromDays(30));
        var run = await PulumiRun.OfStackAsync(StackConfig.FromStackFile("gateway", ("realtime:tlsCert", pem.CertificatePem), ("realtime:tlsKey", pem.PrivateKeyPem)), "realtime:tlsCert", "realtime:tlsKey");
        Assert.Equal("gateway", await run.StackOutput<string>("mode"));
        Assert.Equal("https://realtime.example.com/", await run.StackOutput<string>("publicUrl"));
        Assert.Equal("realtime-envoy", await run.StackOutput<string>("ingressClass"));
        Assert.Equal(["realtime-sse"], (await run.StackOutput<Dictionary<string, string[]>>("serviceNames"))["sse"]);
        Assert.Equal(Sha256.Of(RenderedConfiguration.Of(Model())), await run.StackOutput<string>("configHash"));
        Assert.Empty(run.Resources.OfType<DevCertificate>());
        Assert.Empty(await SecretOutputs.PlaintextKeysAsync(run.Mocks));
        // The key reaches only the Secret; no Gateway API object carries it.
        Assert.All(run.Mocks.Registered.Where(r => r.Type!.Contains("gateway.", StringComparison.Ordinal)),
            r => Assert.DoesNotContain("PRIVATE KEY", KubernetesSchema.ToJson(r.Inputs), StringComparison.Ordinal));
    }

    [Fact]
    public void Gateway_mode_refuses_what_a_gateway_cannot_do()
    {
        var errors = Assert.Throws<Edge.Model.EdgeConfigException>(() => Model(
            ("realtime:aliases", "www.example.*,10.0.0.1"),
            ("realtime:gatewayClass", new string('a', 54)))).Errors;
        Assert.Contains(errors, e => e.Key == "realtime:aliases" && e.Rule.Contains("'www.example.*': a Gateway API hostname can have a leading *. wildcard only"));
        Assert.Contains(errors, e => e.Key == "realtime:aliases" && e.Rule.Contains("'10.0.0.1': a Gateway API hostname must be a DNS name, not an IP address"));
        Assert.Contains(errors, e => e.Key == "realtime:gatewayClass" && e.Rule.Contains("at most 53"));
        // Per-client limits asked for are refused, not silently left unenforced; 0 (none) is fine.
        var limits = Assert.Throws<Edge.Model.EdgeConfigException>(() => Model(("realtime:apiRate", "50r/s"), ("realtime:streamsPerClient", "100"))).Errors;
        Assert.Equal(["realtime:apiRate", "realtime:streamsPerClient"], limits.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.All(limits, e => Assert.Equal(StackModel.GatewayPerClientLimitRule, e.Rule));
        Assert.Equal(0, Model(("realtime:apiRate", "0"), ("realtime:streamsPerClient", "0")).Edge.Limits.StreamsPerClient);
        Assert.Contains(Assert.Throws<Edge.Model.EdgeConfigException>(() => Model(("realtime:gatewayCrds", "maybe"))).Errors,
            e => e.Key == "realtime:gatewayCrds" && e.Rule == "must be install or external (got 'maybe')");
        var tooMany = string.Join(',', Enumerable.Range(1, 63).Select(i => $"h{i}.example.com"));
        Assert.Contains(Assert.Throws<Edge.Model.EdgeConfigException>(() => Model(("realtime:aliases", tooMany))).Errors,
            e => e.Key == "realtime:aliases" && e.Rule.Contains("at most 63"));
        // Without one listener per name, any number fits.
        Assert.Equal(64, Model(("realtime:aliases", tooMany), ("realtime:rejectUnknownHosts", "false")).Edge.ServerNames.Count);
        // The PROXY protocol would be believed from anyone; a keepalive of 0 would mean "forever" to Envoy.
        var unsafeClient = Assert.Throws<Edge.Model.EdgeConfigException>(() => Model(
            ("realtime:trustedProxies", "10.0.0.0/8"), ("realtime:proxyProtocol", "true"), ("realtime:keepaliveTimeout", "0s"))).Errors;
        Assert.Contains(unsafeClient, e => e.Key == "realtime:proxyProtocol" && e.Rule == StackModel.GatewayProxyProtocolRule);
        Assert.Contains(unsafeClient, e => e.Key == "realtime:keepaliveTimeout" && e.Rule.StartsWith("0s means no keep-alive for nginx", StringComparison.Ordinal));
        var image = Assert.Throws<Edge.Model.EdgeConfigException>(() => StackModel.Bind(new Dictionary<string, string> { ["realtime:mode"] = "gateway", ["realtime:domain"] = "a.example.com" })).Errors;
        Assert.Contains(image, e => e.Key == "realtime:backendImage" && e.Rule.StartsWith("is required in gateway mode", StringComparison.Ordinal));
    }

    // A CRD is named after its kind's plural: GatewayClass → gatewayclasses, EnvoyProxy → envoyproxies.
    private static string Plural(string kind) => kind.ToLowerInvariant() switch
    {
        var k when k.EndsWith('s') => k + "es",
        var k when k.EndsWith('y') && !"aeiou".Contains(k[^2]) => k[..^1] + "ies",
        var k => k + "s",
    };

    private static (string, string)[] Pairs(string[] flat) => flat.Chunk(2).Select(p => (p[0], p[1])).ToArray();

    private static string Name(Map inputs) => (string)((Map)inputs["metadata"])["name"];

    private static Map Spec(Pulumi.Testing.MockResourceArgs resource) => (Map)resource.Inputs["spec"];

    private static Map Rule(Pulumi.Testing.MockResourceArgs route) => (Map)Path(Spec(route)["rules"], 0);

    private static Map Timeouts(Pulumi.Testing.MockResourceArgs route) => (Map)Rule(route)["timeouts"];

    private static object Path(object node, params object[] steps) => steps.Aggregate(node, (n, step) => step switch
    {
        int i => ((ImmutableArray<object>)n)[i],
        string key => ((Map)n)[key],
        _ => throw new ArgumentException("a step is a key or an index"),
    });
}
