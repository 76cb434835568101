namespace RealtimeStack.Edge.Config;

/// <summary>One stack configuration key: its name under the <c>realtime:</c> namespace, default and meaning.</summary>
public sealed record ConfigKey(string Name, string? Default, string Description, bool Secret = false)
{
    public const string Namespace = "realtime";

    /// <summary>The key as Pulumi stack config spells it, e.g. <c>realtime:domain</c>.</summary>
    public string FullName => $"{Namespace}:{Name}";

    public override string ToString() => FullName;
}
