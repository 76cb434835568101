namespace RealtimeStack.Cli.Tests.Support;

/// <summary>Flat configurations for local edges: the project's defaults for a test domain.</summary>
public static class LocalStacks
{
    public const string Host = "edge.test";

    /// <summary>Small enough that the rendered worker_rlimit_nofile fits a 20,000 open-files limit.</summary>
    public const string MaxStreams = "2000";

    public static Dictionary<string, string> Minimal(params (string Key, string Value)[] changes)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["realtime:domain"] = Host,
            ["realtime:maxStreams"] = MaxStreams,
        };
        foreach (var (key, value) in changes) values[key.Contains(':') ? key : "realtime:" + key] = value;
        return values;
    }
}
