using System.Text.Json.Nodes;

namespace RealtimeStack.Components.Tests.Support;

/// <summary>
/// Envoy Gateway's default proxy bootstrap of the pinned release (TestData/envoy-gateway/bootstrap.yaml.tpl, a Go
/// template): its overload manager section, which holds no template action up to the first resource monitor, read as
/// YAML so a bootstrap JSON patch's pointer can be checked against what Envoy Gateway patches.
/// </summary>
public static class EnvoyBootstrap
{
    /// <summary>The number at <paramref name="pointer"/> (an RFC 6901 pointer from the bootstrap's root).</summary>
    public static long MaxActiveDownstreamConnections(string pointer)
    {
        var lines = File.ReadAllLines(TestDataFiles.PathOf("envoy-gateway", "bootstrap.yaml.tpl"));
        var start = Array.FindIndex(lines, l => l.StartsWith("overload_manager:", StringComparison.Ordinal));
        Assert.True(start >= 0, "the bootstrap has no overload_manager section");
        var section = lines.Skip(start).TakeWhile(l => !l.Contains("{{", StringComparison.Ordinal));
        JsonNode? node = YamlJson.Documents(string.Join('\n', section)).Single();
        foreach (var step in pointer.TrimStart('/').Split('/'))
            node = node is JsonArray list ? list[int.Parse(step, System.Globalization.CultureInfo.InvariantCulture)] : node?[step];
        Assert.NotNull(node);
        return node!.GetValue<long>();
    }
}
