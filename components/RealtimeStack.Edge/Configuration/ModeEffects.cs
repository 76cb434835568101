using RealtimeStack.Edge.Model;

namespace RealtimeStack.Edge.Configuration;

/// <summary>
/// The one rule for keys and modes: a key set in a stack whose mode it does not act in changes nothing there, and is
/// named in a warning (by every verb of <c>edge</c> and by the component, at every preview and update) with the
/// modes where it acts. A key a mode cannot honour at all is not this: it is refused with an error.
/// </summary>
public static class ModeEffects
{
    /// <summary>Each key of <paramref name="set"/> (full names, <c>realtime:x</c>) that has no effect in
    /// <paramref name="mode"/>, with the rule naming where it has one.</summary>
    public static IReadOnlyList<ConfigError> NoEffect(IEnumerable<string> set, string mode) =>
        set.Select(ConfigKey.Find)
            .OfType<ConfigKey>()
            .Where(k => !k.Modes.Contains(mode))
            .Distinct()
            .Select(k => new ConfigError(k.FullName, $"has no effect in {mode} mode (it acts in {StackModes.Describe(k.Modes)} mode); remove it from this stack or change the mode"))
            .ToArray();

    /// <summary>The same for flat stack values: the keys they set, in the mode they name (or the default one).</summary>
    public static IReadOnlyList<ConfigError> NoEffect(IReadOnlyDictionary<string, string> values) =>
        NoEffect(values.Keys, DeploymentConfigKeys.Mode.ValueIn(values)!);
}
