using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace RealtimeStack.Components.Tests.Support;

/// <summary>
/// Validates a custom resource the stack creates against the openAPIV3Schema of its CRD, as released by the version the
/// stack pins (the CRD files under TestData, see each folder's SOURCE.md), with a JSON Schema validator. What the API
/// server does and a JSON Schema does not, is added here:
/// <list type="bullet">
/// <item>A structural schema prunes (or, with strict field validation, rejects) fields it does not declare, so every
/// object schema without additionalProperties and without x-kubernetes-preserve-unknown-fields is closed with
/// additionalProperties: false, also one that lists no properties at all (it keeps nothing). The top-level metadata
/// stays open: the API server checks it as ObjectMeta, not by this schema.</item>
/// <item>The x-kubernetes-* keywords are no JSON Schema keywords and are dropped. x-kubernetes-int-or-string comes with
/// an anyOf integer|string in controller-gen's output (in every such field of these CRDs), which keeps taking both.</item>
/// <item>pattern is asserted, as the API server does. format is not (Draft 2020-12 without RequireFormatValidation):
/// the API server treats int32/int64 as hints and checks only some others (here date-time in status, byte, ipv4,
/// ipv6), none in a field the stack sets.</item>
/// </list>
/// The x-kubernetes-validations CEL rules (for example "exactly one of these fields", or cross-field limits) cannot be
/// evaluated by a JSON Schema library and are NOT checked: an object can pass here and still be refused by the API
/// server for such a rule.
/// </summary>
public sealed class CrdSchema
{
    // Every kind the stack creates, with the CRD file that defines it. A kind missing here fails the test that meets it.
    private static readonly ImmutableDictionary<string, string[]> FileOfKind = new Dictionary<string, string[]>
    {
        ["ServiceMonitor"] = ["prometheus-operator", "monitoring.coreos.com_servicemonitors.yaml"],
        ["PodMonitor"] = ["prometheus-operator", "monitoring.coreos.com_podmonitors.yaml"],
        ["GatewayClass"] = ["gateway-api", "gateway.networking.k8s.io_gatewayclasses.yaml"],
        ["Gateway"] = ["gateway-api", "gateway.networking.k8s.io_gateways.yaml"],
        ["HTTPRoute"] = ["gateway-api", "gateway.networking.k8s.io_httproutes.yaml"],
        ["EnvoyProxy"] = ["envoy-gateway", "gateway.envoyproxy.io_envoyproxies.yaml"],
        ["BackendTrafficPolicy"] = ["envoy-gateway", "gateway.envoyproxy.io_backendtrafficpolicies.yaml"],
        ["ClientTrafficPolicy"] = ["envoy-gateway", "gateway.envoyproxy.io_clienttrafficpolicies.yaml"],
    }.ToImmutableDictionary();

    // Parsing the envoyproxies CRD (1.4 MB) and building its schema takes seconds: each file and schema once, on first use.
    private static readonly ConcurrentDictionary<string, Lazy<IReadOnlyList<JsonNode>>> Files = new();
    private static readonly ConcurrentDictionary<(string ApiVersion, string Kind), Lazy<CrdSchema>> Schemas = new();

    private static readonly EvaluationOptions Evaluation = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = false };

    private readonly JsonSchema _schema;

    private CrdSchema(string apiVersion, string kind, JsonSchema schema) => (ApiVersion, Kind, _schema) = (apiVersion, kind, schema);

    public string ApiVersion { get; }

    public string Kind { get; }

    /// <summary>The schema of a kind at a served version; throws for a kind without a CRD file here or a version its CRD does not serve.</summary>
    public static CrdSchema For(string apiVersion, string kind) =>
        Schemas.GetOrAdd((apiVersion, kind), key => new Lazy<CrdSchema>(() => Load(key.ApiVersion, key.Kind))).Value;

    /// <summary>The errors of an object captured by the mocks, against the schema its own apiVersion and kind name.</summary>
    public static IReadOnlyList<string> ErrorsOf(ImmutableDictionary<string, object> inputs) =>
        For((string)inputs["apiVersion"], (string)inputs["kind"]).Errors(inputs);

    /// <summary>The validation errors, as "location: keyword message"; empty when the object passes.</summary>
    public IReadOnlyList<string> Errors(ImmutableDictionary<string, object> inputs) => Errors(KubernetesSchema.ToJson(inputs));

    public IReadOnlyList<string> Errors(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        // The schema types apiVersion and kind as any string; the object must name this very kind.
        var identity = new List<string>();
        if (root.ValueKind == JsonValueKind.Object)
        {
            if (!root.TryGetProperty("apiVersion", out var apiVersion) || apiVersion.ValueKind != JsonValueKind.String || apiVersion.GetString() != ApiVersion)
                identity.Add($"/apiVersion: must be {ApiVersion}");
            if (!root.TryGetProperty("kind", out var kind) || kind.ValueKind != JsonValueKind.String || kind.GetString() != Kind)
                identity.Add($"/kind: must be {Kind}");
        }
        var result = _schema.Evaluate(root, Evaluation);
        if (result.IsValid) return identity;
        return identity.Concat((result.Details ?? [])
                .Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}"))
                .DefaultIfEmpty("invalid"))
            .ToArray();
    }

    private static CrdSchema Load(string apiVersion, string kind)
    {
        if (!FileOfKind.TryGetValue(kind, out var file))
            throw new InvalidOperationException(
                $"No CRD schema for kind {kind} ({apiVersion}): keep the CRD file of the release the stack installs under TestData (with a SOURCE.md) and register the kind in {nameof(CrdSchema)}.");
        var (group, version) = apiVersion.Split('/') is [var g, var v] ? (g, v) : throw new ArgumentException($"apiVersion '{apiVersion}' is not group/version", nameof(apiVersion));
        var path = TestDataFiles.PathOf(file);
        var crds = Files.GetOrAdd(path, p => new Lazy<IReadOnlyList<JsonNode>>(() => YamlJson.Documents(File.ReadAllText(p)))).Value;
        var crd = crds.SingleOrDefault(c => (string?)c["kind"] == "CustomResourceDefinition" && (string?)c["spec"]?["group"] == group && (string?)c["spec"]?["names"]?["kind"] == kind)
            ?? throw new InvalidOperationException($"{path} defines no CRD of kind {kind} in group {group}.");
        var versions = crd["spec"]!["versions"]!.AsArray().Select(n => n!).ToArray();
        var served = versions.SingleOrDefault(v => (string?)v["name"] == version && (bool?)v["served"] == true)
            ?? throw new InvalidOperationException($"The {kind} CRD in {path} serves {string.Join(", ", versions.Where(v => (bool?)v["served"] == true).Select(v => (string?)v["name"]))}, not {version}.");

        var schema = served["schema"]!["openAPIV3Schema"]!.DeepClone();
        Close(schema);
        schema["properties"]!["metadata"] = new JsonObject { ["type"] = "object" };
        var options = new BuildOptions { Dialect = Dialect.Draft202012 };
        return new CrdSchema(apiVersion, kind, JsonSchema.FromText(schema.ToJsonString(), options, new Uri($"https://realtimestack.test/crd/{group}/{version}/{kind}")));
    }

    // Walks subschemas only (not property names, enum or default values), so a property named "type" stays a property.
    private static void Close(JsonNode? node)
    {
        if (node is not JsonObject schema) return;
        if (Keyword(schema, "type") == "object" && !schema.ContainsKey("additionalProperties") && schema["x-kubernetes-preserve-unknown-fields"]?.GetValue<bool>() != true)
            schema["additionalProperties"] = false;
        foreach (var keyword in schema.Select(kv => kv.Key).Where(k => k.StartsWith("x-kubernetes-", StringComparison.Ordinal)).ToArray())
            schema.Remove(keyword);

        foreach (var map in new[] { "properties", "patternProperties" })
            foreach (var (_, child) in (schema[map] as JsonObject ?? new JsonObject()).ToArray()) Close(child);
        foreach (var list in new[] { "allOf", "anyOf", "oneOf" })
            foreach (var child in (schema[list] as JsonArray ?? new JsonArray()).ToArray()) Close(child);
        foreach (var single in new[] { "additionalProperties", "items", "not" })
            Close(schema[single]);
    }

    private static string? Keyword(JsonObject schema, string name) => schema[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
