using System.Text.Json.Nodes;
using RealtimeStack.Components.Tests.Support;

namespace RealtimeStack.Components.Tests;

/// <summary>
/// The CRD schema check itself, on small hand-written objects of every kind gateway mode creates: a valid one passes,
/// and each kind of mistake the API server would refuse (or silently prune) is reported.
/// </summary>
public sealed class CrdSchemaTests
{
    private const string GatewayApi = "gateway.networking.k8s.io/v1";
    private const string EnvoyGateway = "gateway.envoyproxy.io/v1alpha1";

    private static readonly Dictionary<string, string> Valid = new()
    {
        ["GatewayClass"] = """
            {"apiVersion": "gateway.networking.k8s.io/v1", "kind": "GatewayClass", "metadata": {"name": "realtime"},
             "spec": {"controllerName": "gateway.envoyproxy.io/gatewayclass-controller",
                      "parametersRef": {"group": "gateway.envoyproxy.io", "kind": "EnvoyProxy", "name": "realtime", "namespace": "envoy-gateway-system"}}}
            """,
        ["Gateway"] = """
            {"apiVersion": "gateway.networking.k8s.io/v1", "kind": "Gateway", "metadata": {"name": "realtime", "namespace": "realtime"},
             "spec": {"gatewayClassName": "realtime",
                      "listeners": [
                        {"name": "https", "protocol": "HTTPS", "port": 443, "hostname": "realtime.example.com",
                         "tls": {"mode": "Terminate", "certificateRefs": [{"kind": "Secret", "name": "realtime-tls"}]},
                         "allowedRoutes": {"namespaces": {"from": "Same"}}},
                        {"name": "http", "protocol": "HTTP", "port": 80}]}}
            """,
        ["HTTPRoute"] = """
            {"apiVersion": "gateway.networking.k8s.io/v1", "kind": "HTTPRoute", "metadata": {"name": "sse", "namespace": "realtime"},
             "spec": {"parentRefs": [{"name": "realtime", "sectionName": "https"}],
                      "hostnames": ["realtime.example.com"],
                      "rules": [{"matches": [{"path": {"type": "PathPrefix", "value": "/sse/"}}],
                                 "filters": [{"type": "RequestHeaderModifier",
                                              "requestHeaderModifier": {"set": [{"name": "X-Real-IP", "value": "%DOWNSTREAM_REMOTE_ADDRESS_WITHOUT_PORT%"}]}}],
                                 "backendRefs": [{"name": "sse", "port": 8080}],
                                 "timeouts": {"request": "0s"}}]}}
            """,
        ["EnvoyProxy"] = """
            {"apiVersion": "gateway.envoyproxy.io/v1alpha1", "kind": "EnvoyProxy", "metadata": {"name": "realtime", "namespace": "envoy-gateway-system"},
             "spec": {"provider": {"type": "Kubernetes",
                                   "kubernetes": {"envoyDeployment": {"replicas": 2},
                                                  "envoyPDB": {"maxUnavailable": 1}}},
                      "shutdown": {"drainTimeout": "3600s", "minDrainDuration": "5s"}}}
            """,
        ["BackendTrafficPolicy"] = """
            {"apiVersion": "gateway.envoyproxy.io/v1alpha1", "kind": "BackendTrafficPolicy", "metadata": {"name": "sse", "namespace": "realtime"},
             "spec": {"targetRefs": [{"group": "gateway.networking.k8s.io", "kind": "HTTPRoute", "name": "sse"}],
                      "loadBalancer": {"type": "ConsistentHash", "consistentHash": {"type": "SourceIP"}},
                      "circuitBreaker": {"maxConnections": 10000, "maxPendingRequests": 10000, "maxParallelRequests": 10000},
                      "timeout": {"tcp": {"connectTimeout": "5s"}, "http": {"streamIdleTimeout": "3600s"}},
                      "compressor": [{"type": "Gzip", "gzip": {}}],
                      "connection": {"bufferLimit": 32768},
                      "retry": {"numRetries": 1, "retryOn": {"triggers": ["connect-failure"]}}}}
            """,
        ["ClientTrafficPolicy"] = """
            {"apiVersion": "gateway.envoyproxy.io/v1alpha1", "kind": "ClientTrafficPolicy", "metadata": {"name": "realtime", "namespace": "realtime"},
             "spec": {"targetRefs": [{"group": "gateway.networking.k8s.io", "kind": "Gateway", "name": "realtime"}],
                      "clientIPDetection": {"xForwardedFor": {"trustedCIDRs": ["10.0.0.0/8", "2001:db8::/32"]}},
                      "connection": {"connectionLimit": {"value": 10000}},
                      "timeout": {"http": {"requestHeadersReceivedTimeout": "10s", "idleTimeout": "75s", "streamIdleTimeout": "3600s"}},
                      "tls": {"minVersion": "1.2", "alpnProtocols": ["h2", "http/1.1"]}}}
            """,
    };

    public static TheoryData<string> Kinds => [.. Valid.Keys];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_valid_object_of_each_kind_passes(string kind) => Assert.Empty(ErrorsOf(kind, Parse(kind)));

    [Theory]
    // GatewayClass (no duration or enum field in its spec: a pattern stands in)
    [InlineData("GatewayClass", "/spec/controllerNames", "\"a/b\"")]                   // a misspelled field
    [InlineData("GatewayClass", "/spec/controllerName", "5")]                          // a number for a string
    [InlineData("GatewayClass", "/spec/controllerName", null)]                         // the required controllerName missing
    [InlineData("GatewayClass", "/spec/parametersRef/kind", null)]                     // a required field one level down missing
    [InlineData("GatewayClass", "/spec/controllerName", "\"envoy-gateway\"")]          // not domain/path
    // Gateway
    [InlineData("Gateway", "/spec/listeners/0/tls/certificateRef", "[]")]              // a misspelled field
    [InlineData("Gateway", "/spec/listeners/0/port", "\"443\"")]                       // a string for an integer
    [InlineData("Gateway", "/spec/gatewayClassName", null)]                            // required
    [InlineData("Gateway", "/spec/listeners/0/tls/mode", "\"Terminating\"")]           // outside the enum
    [InlineData("Gateway", "/spec/listeners/0/port", "70000")]                         // above the maximum
    // HTTPRoute
    [InlineData("HTTPRoute", "/spec/rules/0/timeout", "{\"request\": \"0s\"}")]        // a misspelled field
    [InlineData("HTTPRoute", "/spec/hostnames", "\"realtime.example.com\"")]           // a string for a list
    [InlineData("HTTPRoute", "/spec/parentRefs/0/name", null)]                         // required
    [InlineData("HTTPRoute", "/spec/rules/0/timeouts/request", "\"1 hour\"")]          // not a duration
    [InlineData("HTTPRoute", "/spec/rules/0/matches/0/path/type", "\"Prefix\"")]       // outside the enum
    // EnvoyProxy
    [InlineData("EnvoyProxy", "/spec/provider/kubernetes/envoyDeployment/replica", "2")] // a misspelled field
    [InlineData("EnvoyProxy", "/spec/provider/kubernetes/envoyDeployment/replicas", "\"2\"")] // a string for an integer
    [InlineData("EnvoyProxy", "/spec/provider/type", null)]                            // required
    [InlineData("EnvoyProxy", "/spec/shutdown/drainTimeout", "\"1 hour\"")]            // not a duration
    [InlineData("EnvoyProxy", "/spec/provider/type", "\"Kube\"")]                      // outside the enum
    // BackendTrafficPolicy
    [InlineData("BackendTrafficPolicy", "/spec/circuitBreaker/maxConnection", "1")]    // a misspelled field
    [InlineData("BackendTrafficPolicy", "/spec/circuitBreaker/maxConnections", "\"10000\"")] // a string for an integer
    [InlineData("BackendTrafficPolicy", "/spec/circuitBreaker/maxConnections", "-1")]  // below the minimum
    [InlineData("BackendTrafficPolicy", "/spec/targetRefs/0/kind", null)]              // required
    [InlineData("BackendTrafficPolicy", "/spec/loadBalancer/type", null)]              // required
    [InlineData("BackendTrafficPolicy", "/spec/timeout/http/streamIdleTimeout", "\"1 hour\"")] // not a duration
    [InlineData("BackendTrafficPolicy", "/spec/loadBalancer/consistentHash/type", "\"ClientIP\"")] // outside the enum
    [InlineData("BackendTrafficPolicy", "/spec/compressor/0/gzip", "{\"level\": 9}")]  // a field in an object that declares none
    // ClientTrafficPolicy
    [InlineData("ClientTrafficPolicy", "/spec/clientIPDetection/xForwardedFor/trustedCidrs", "[]")] // a misspelled field
    [InlineData("ClientTrafficPolicy", "/spec/connection/connectionLimit/value", "\"10000\"")] // a string for an integer
    [InlineData("ClientTrafficPolicy", "/spec/targetRefs/0/name", null)]               // required
    [InlineData("ClientTrafficPolicy", "/spec/timeout/http/idleTimeout", "\"1 hour\"")] // not a duration
    [InlineData("ClientTrafficPolicy", "/spec/tls/minVersion", "\"1.4\"")]             // outside the enum
    [InlineData("ClientTrafficPolicy", "/spec/clientIPDetection/xForwardedFor/trustedCIDRs/0", "\"10.0.0.0\"")] // not a CIDR
    // The top level of any kind
    [InlineData("Gateway", "/spek", "{}")]                                             // a misspelled top-level field
    [InlineData("Gateway", "/spec", null)]                                             // spec is required
    [InlineData("Gateway", "/apiVersion", "\"gateway.networking.k8s.io/v1beta1\"")]    // another version than the schema's
    [InlineData("Gateway", "/kind", "\"HTTPRoute\"")]                                  // another kind than the schema's
    public void A_broken_object_fails(string kind, string pointer, string? json)
    {
        var good = Parse(kind);
        Assert.Empty(ErrorsOf(kind, good));
        Assert.NotEmpty(ErrorsOf(kind, Changed(good, pointer, json)));
    }

    [Theory]
    [InlineData("BackendTrafficPolicy", "/spec/connection/bufferLimit")]
    [InlineData("BackendTrafficPolicy", "/spec/compressor/0/minContentLength")]
    [InlineData("ClientTrafficPolicy", "/spec/connection/bufferLimit")]
    public void An_int_or_string_quantity_takes_an_integer_or_a_quantity_string_only(string kind, string pointer)
    {
        var good = Parse(kind);
        Assert.Empty(ErrorsOf(kind, Changed(good, pointer, "32768")));
        Assert.Empty(ErrorsOf(kind, Changed(good, pointer, "\"32Ki\"")));
        Assert.NotEmpty(ErrorsOf(kind, Changed(good, pointer, "\"lots\"")));
        Assert.NotEmpty(ErrorsOf(kind, Changed(good, pointer, "true")));
        Assert.NotEmpty(ErrorsOf(kind, Changed(good, pointer, "{}")));
    }

    [Fact]
    public void A_pdb_limit_takes_a_count_or_a_percentage()
    {
        var good = Parse("EnvoyProxy");
        Assert.Empty(ErrorsOf("EnvoyProxy", Changed(good, "/spec/provider/kubernetes/envoyPDB/maxUnavailable", "\"50%\"")));
        Assert.NotEmpty(ErrorsOf("EnvoyProxy", Changed(good, "/spec/provider/kubernetes/envoyPDB/maxUnavailable", "1.5")));
    }

    [Fact]
    public void Metadata_and_fields_that_preserve_unknown_fields_stay_open()
    {
        var good = Parse("EnvoyProxy");
        Assert.Empty(ErrorsOf("EnvoyProxy", Changed(good, "/metadata/labels", "{\"app.kubernetes.io/part-of\": \"realtime\"}")));
        Assert.Empty(ErrorsOf("EnvoyProxy", Changed(good, "/spec/provider/kubernetes/envoyDeployment/patch",
            "{\"type\": \"StrategicMerge\", \"value\": {\"spec\": {\"template\": {\"anything\": 1}}}}")));
    }

    [Fact]
    public void A_kind_without_a_crd_file_or_a_version_its_crd_does_not_serve_is_an_error_not_a_pass()
    {
        var unknown = Assert.Throws<InvalidOperationException>(() => CrdSchema.For(EnvoyGateway, "SecurityPolicy"));
        Assert.Contains("SecurityPolicy", unknown.Message);
        Assert.Contains("TestData", unknown.Message);
        var version = Assert.Throws<InvalidOperationException>(() => CrdSchema.For("gateway.networking.k8s.io/v2", "Gateway"));
        Assert.Contains("serves v1, v1beta1", version.Message);
        Assert.Throws<InvalidOperationException>(() => CrdSchema.For("example.com/v1", "Gateway"));
    }

    [Fact]
    public void The_schema_of_a_kind_is_built_once() =>
        Assert.Same(CrdSchema.For(EnvoyGateway, "EnvoyProxy"), CrdSchema.For(EnvoyGateway, "EnvoyProxy"));

    private static JsonNode Parse(string kind) => JsonNode.Parse(Valid[kind])!;

    // The schema is the sample's, whatever the object now says its apiVersion and kind are.
    private static IReadOnlyList<string> ErrorsOf(string kind, JsonNode node) =>
        CrdSchema.For((string)Parse(kind)["apiVersion"]!, kind).Errors(node.ToJsonString());

    // A copy with the value at the JSON pointer set (added when absent), or removed when json is null.
    private static JsonNode Changed(JsonNode original, string pointer, string? json)
    {
        var copy = original.DeepClone();
        var parts = pointer.Trim('/').Split('/');
        var parent = parts[..^1].Aggregate(copy, (node, part) => int.TryParse(part, out var i) ? node[i]! : node[part]!);
        var last = parts[^1];
        if (parent is JsonArray array) array[int.Parse(last)] = json is null ? null : JsonNode.Parse(json);
        else if (json is null) Assert.True(parent.AsObject().Remove(last), $"{pointer} is not in the valid object");
        else parent.AsObject()[last] = JsonNode.Parse(json);
        return copy;
    }
}
