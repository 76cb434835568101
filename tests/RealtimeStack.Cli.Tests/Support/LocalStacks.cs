namespace RealtimeStack.Cli.Tests.Support;

/// <summary>Flat configurations for local edges: the project's defaults for a test domain.</summary>
public static class LocalStacks
{
    public const string Host = Stacks.Domain;

    /// <summary>Small enough that the rendered worker_rlimit_nofile fits a 20,000 open-files limit.</summary>
    public const string MaxStreams = "2000";

    /// <summary>The shared minimal stack (domain <see cref="Host"/>) at <see cref="MaxStreams"/>, with the changes.</summary>
    public static Dictionary<string, string> Minimal(params (string Key, string Value)[] changes) =>
        Stacks.Minimal([("maxStreams", MaxStreams), .. changes]);
}
