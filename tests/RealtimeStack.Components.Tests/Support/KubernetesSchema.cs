using System.Collections;
using System.Collections.Immutable;
using System.Text.Json;
using k8s;

namespace RealtimeStack.Components.Tests.Support;

/// <summary>
/// Validates a Kubernetes object captured by the mocks against the Kubernetes schema: the inputs are serialized to
/// JSON and loaded with KubernetesClient's strict loader, which rejects unknown or misspelled fields.
/// </summary>
public static class KubernetesSchema
{
    public static string ToJson(ImmutableDictionary<string, object> inputs) => JsonSerializer.Serialize(Plain(inputs));

    public static object Validate(ImmutableDictionary<string, object> inputs)
    {
        var json = ToJson(inputs);
        var loaded = KubernetesYaml.LoadAllFromString(json, null, true);
        return Assert.Single(loaded);
    }

    // Mock inputs hold immutable collections and boxed numbers; turn them into plain JSON-able values.
    private static object? Plain(object? value) => value switch
    {
        null => null,
        string or bool => value,
        double d when d == Math.Floor(d) => (long)d,
        IDictionary dictionary => dictionary.Keys.Cast<object>().ToDictionary(k => (string)k, k => Plain(dictionary[k])),
        IEnumerable list => list.Cast<object?>().Select(Plain).ToList(),
        _ => value,
    };
}
