using System.Collections;
using System.Text.Json.Nodes;

namespace RealtimeStack.Components.Tests.Support;

/// <summary>
/// A Helm chart's values.yaml (kept under TestData, see its SOURCE.md), to check that every value path a release sets is
/// one the chart reads. Helm accepts any values silently, so a misspelled or moved key would otherwise be a no-op.
/// </summary>
public sealed class ChartValues
{
    private static readonly Lazy<ChartValues> GatewayHelmValues = new(() => Load(TestDataFiles.PathOf("envoy-gateway", "gateway-helm-values.yaml")));
    private static readonly Lazy<ChartValues> GatewayCrdsHelmValues = new(() => Load(TestDataFiles.PathOf("envoy-gateway", "gateway-crds-helm-values.yaml")));

    private readonly JsonObject _root;

    private ChartValues(JsonObject root) => _root = root;

    /// <summary>Envoy Gateway's gateway-helm chart of the pinned release.</summary>
    public static ChartValues GatewayHelm => GatewayHelmValues.Value;

    /// <summary>Envoy Gateway's gateway-crds-helm chart of the pinned release.</summary>
    public static ChartValues GatewayCrdsHelm => GatewayCrdsHelmValues.Value;

    public static ChartValues Load(string path) =>
        new(YamlJson.Documents(File.ReadAllText(path)).SingleOrDefault() as JsonObject ?? throw new InvalidOperationException($"{path} holds no values map."));

    /// <summary>
    /// Whether the chart has the dotted path, or its nearest existing ancestor is a map the chart leaves empty (`{}`,
    /// free-form, like deployment.pod.labels), so that a key set below it, dots and all, is read by the chart.
    /// </summary>
    public bool Has(string path)
    {
        JsonNode? node = _root;
        foreach (var segment in path.Split('.'))
        {
            if (node is not JsonObject map) return false;
            if (!map.TryGetPropertyValue(segment, out node)) return map.Count == 0;
        }
        return true;
    }

    /// <summary>The paths of a values dictionary the chart does not have (see <see cref="Has"/>).</summary>
    public IReadOnlyList<string> Missing(IDictionary values) => PathsOf(values).Where(p => !Has(p)).ToArray();

    /// <summary>
    /// The dotted paths of the leaves of nested values (dictionaries of dictionaries, lists and scalars); a list or an
    /// empty dictionary is a leaf, as a release replaces it whole.
    /// </summary>
    public static IReadOnlyList<string> PathsOf(IDictionary values)
    {
        var paths = new List<string>();
        Collect(values, "", paths);
        return paths;
    }

    private static void Collect(IDictionary values, string prefix, List<string> paths)
    {
        foreach (DictionaryEntry entry in values)
        {
            var path = prefix + (string)entry.Key;
            if (entry.Value is IDictionary { Count: > 0 } child) Collect(child, path + ".", paths);
            else paths.Add(path);
        }
    }
}
