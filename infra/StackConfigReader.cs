using System.Text.Json;
using Pulumi;
using RealtimeStack.Edge.Configuration;

namespace RealtimeStack.Infra;

/// <summary>
/// The stack's <c>realtime:*</c> configuration as the core's flat values. Secrets are not read here (the program
/// reads them with <see cref="Config.GetSecret"/>). A list may be a comma-separated string or a YAML list
/// (<c>pulumi config set --path 'realtime:apiServers[0]' api-1:9000</c>). Key names also come from the engine's
/// PULUMI_CONFIG so unknown keys (typos) are reported instead of ignored.
/// </summary>
public static class StackConfigReader
{
    public static Dictionary<string, string> Read()
    {
        var config = new Config(ConfigKey.Namespace);
        var secrets = ConfigKey.All.Where(k => k.Secret).Select(k => k.Name).ToHashSet(StringComparer.Ordinal);
        var names = ConfigKey.All.Select(k => k.Name).Where(n => !secrets.Contains(n)).ToHashSet(StringComparer.Ordinal);
        foreach (var key in EngineConfigKeys().Where(k => k.StartsWith(ConfigKey.Namespace + ":", StringComparison.Ordinal)))
            names.Add(key[(ConfigKey.Namespace.Length + 1)..]);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var name in names.Where(n => !secrets.Contains(n)))
        {
            if (config.Get(name) is not { } value) continue;
            var fullName = $"{ConfigKey.Namespace}:{name}";
            if (ConfigKey.Find(fullName) is { Kind: ValueKind.List } && value.StartsWith('['))
            {
                var joined = FlatConfig.JoinList(fullName, ListItems(fullName, value));
                if (joined.Error is { } error) problems.Add(error.ToString());
                else values[fullName] = joined.Value!;
            }
            else values[fullName] = value;
        }
        if (problems.Count > 0) throw new RunException("invalid edge configuration:" + string.Concat(problems.Select(p => "\n  " + p)));
        return values;
    }

    private static IEnumerable<string> ListItems(string key, string json)
    {
        try
        {
            return JsonSerializer.Deserialize<string[]>(json) ?? [];
        }
        catch (JsonException)
        {
            throw new RunException($"invalid edge configuration:\n  {key}: must be a list of strings");
        }
    }

    private static IEnumerable<string> EngineConfigKeys()
    {
        var json = Environment.GetEnvironmentVariable("PULUMI_CONFIG");
        if (string.IsNullOrEmpty(json)) return [];
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().Select(p => p.Name).ToArray();
    }
}
