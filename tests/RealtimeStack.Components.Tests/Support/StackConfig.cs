using System.Text.Json;

namespace RealtimeStack.Components.Tests.Support;

/// <summary>
/// Sets the stack configuration the way the Pulumi engine hands it to a program: PULUMI_CONFIG (JSON, keys
/// project:key) and PULUMI_CONFIG_SECRET_KEYS. Deployment tests run one at a time (no parallel collections).
/// </summary>
public static class StackConfig
{
    public static void Set(IReadOnlyDictionary<string, string> values, params string[] secretKeys)
    {
        Environment.SetEnvironmentVariable("PULUMI_CONFIG", JsonSerializer.Serialize(values));
        Environment.SetEnvironmentVariable("PULUMI_CONFIG_SECRET_KEYS", JsonSerializer.Serialize(secretKeys));
    }

    public static Dictionary<string, string> FromStackFile(string stack, params (string Key, string Value)[] changes)
    {
        var values = RepoStacks.Values(stack);
        foreach (var (key, value) in changes) values[key] = value;
        return values;
    }
}
