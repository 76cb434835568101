using System.Text.Json;
using Pulumi;
using RealtimeStack.Edge.Config;

namespace RealtimeStack.Components;

/// <summary>
/// The stack's <c>realtime:*</c> configuration as flat strings for the core's binder. Values come through
/// <see cref="Config"/>; the key names also come from the engine's PULUMI_CONFIG so unknown keys (typos) are
/// reported instead of ignored.
/// </summary>
public static class StackConfigReader
{
    public static Dictionary<string, string> Read()
    {
        var config = new Config(ConfigKey.Namespace);
        var names = EdgeConfigKeys.All.Concat(DeploymentConfigKeys.All).Select(k => k.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var key in EngineConfigKeys().Where(k => k.StartsWith(ConfigKey.Namespace + ":", StringComparison.Ordinal)))
            names.Add(key[(ConfigKey.Namespace.Length + 1)..]);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names)
            if (config.Get(name) is { } value) values[$"{ConfigKey.Namespace}:{name}"] = value;
        return values;
    }

    private static IEnumerable<string> EngineConfigKeys()
    {
        var json = Environment.GetEnvironmentVariable("PULUMI_CONFIG");
        if (string.IsNullOrEmpty(json)) return [];
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().Select(p => p.Name).ToArray();
    }
}
