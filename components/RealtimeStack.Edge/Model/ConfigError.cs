namespace RealtimeStack.Edge.Model;

/// <summary>One rejected configuration value: the key it came from and the rule it broke.</summary>
public sealed record ConfigError(string Key, string Rule)
{
    public override string ToString() => $"{Key}: {Rule}";
}
