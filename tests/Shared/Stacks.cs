using RealtimeStack.Edge.Configuration;
using RealtimeStack.Edge.Model;

namespace RealtimeStack.Tests.Shared;

/// <summary>Flat configurations for tests: a minimal valid one, and the same with changes.</summary>
public static class Stacks
{
    /// <summary>The minimal stack's domain: the name tests serve and ask for.</summary>
    public const string Domain = "edge.test";

    public static Dictionary<string, string> Minimal(params (string Key, string Value)[] changes)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal) { ["realtime:domain"] = Domain };
        foreach (var (key, value) in changes) values[key.Contains(':') ? key : "realtime:" + key] = value;
        return values;
    }

    public static EdgeSpec Spec(params (string Key, string Value)[] changes) => EdgeConfigBinder.Bind(Minimal(changes));

    public static IReadOnlyList<ConfigError> Errors(params (string Key, string Value)[] changes)
    {
        var e = Assert.Throws<EdgeConfigException>(() => EdgeConfigBinder.Bind(Minimal(changes)));
        return e.Errors;
    }
}
