using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using k8s;
using k8s.Models;

namespace RealtimeStack.Components.Tests.Support;

/// <summary>
/// Validates a ServiceMonitor captured by the mocks against the openAPIV3Schema of prometheus-operator's CRD
/// (TestData/prometheus-operator, see its SOURCE.md). The API server drops or, with strict field validation,
/// rejects fields a structural schema does not declare; JSON Schema allows them, so every object schema that lists
/// its properties (and does not preserve unknown fields) is closed here with additionalProperties: false, and the
/// x-kubernetes-* keywords, which a JSON Schema validator does not know, are dropped.
/// </summary>
public static class ServiceMonitorSchema
{
    public static string CrdPath => Path.Combine(RepoPaths.Root, "tests", "RealtimeStack.Components.Tests", "TestData", "prometheus-operator", "monitoring.coreos.com_servicemonitors.yaml");

    private static readonly Lazy<JsonSchema> Schema = new(Load);

    /// <summary>The validation errors, as "location: message"; empty when the object passes.</summary>
    public static IReadOnlyList<string> Errors(ImmutableDictionary<string, object> inputs) => Errors(KubernetesSchema.ToJson(inputs));

    public static IReadOnlyList<string> Errors(string json)
    {
        using var document = JsonDocument.Parse(json);
        var result = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid) return [];
        return (result.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}"))
            .DefaultIfEmpty("invalid")
            .ToArray();
    }

    private static JsonSchema Load()
    {
        var crd = KubernetesYaml.Deserialize<V1CustomResourceDefinition>(File.ReadAllText(CrdPath));
        var version = Assert.Single(crd.Spec.Versions, v => v.Name == "v1");
        var schema = JsonNode.Parse(KubernetesJson.Serialize(version.Schema.OpenAPIV3Schema))!;
        Close(schema);
        return JsonSchema.FromText(schema.ToJsonString(), new BuildOptions(), new Uri("https://realtimestack.test/servicemonitor-v1"));
    }

    private static void Close(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj.ContainsKey("properties") && !obj.ContainsKey("additionalProperties") && !obj.ContainsKey("x-kubernetes-preserve-unknown-fields"))
                    obj["additionalProperties"] = false;
                // Kubernetes' own keywords (list and map types, int-or-string beside its anyOf) are no JSON Schema keywords.
                foreach (var keyword in obj.Select(kv => kv.Key).Where(k => k.StartsWith("x-kubernetes-", StringComparison.Ordinal)).ToArray()) obj.Remove(keyword);
                foreach (var child in obj.Select(kv => kv.Value).OfType<JsonNode>().ToArray()) Close(child);
                break;
            case JsonArray array:
                foreach (var child in array.OfType<JsonNode>().ToArray()) Close(child);
                break;
        }
    }
}
