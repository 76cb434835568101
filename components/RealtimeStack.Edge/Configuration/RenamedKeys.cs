using RealtimeStack.Edge.Model;

namespace RealtimeStack.Edge.Configuration;

/// <summary>
/// Keys renamed so that their names say what they do in every mode (<see cref="ConfigKey.FormerName"/>): a stack file
/// or a component that still uses the old name keeps working, and is told the new one; one that sets both is refused.
/// </summary>
public static class RenamedKeys
{
    /// <summary>A warning for each former name among <paramref name="set"/> (full names, <c>realtime:x</c>).</summary>
    public static IReadOnlyList<ConfigError> Warnings(IEnumerable<string> set)
    {
        var names = set.ToHashSet(StringComparer.Ordinal);
        return ConfigKey.All.Where(k => k.FormerFullName is { } former && names.Contains(former))
            .Select(k => new ConfigError(k.FormerFullName!, $"is now {k.FullName}: rename it (the old name still works, and will go)"))
            .ToArray();
    }

    /// <summary>An error for each key set under both its names.</summary>
    public static IReadOnlyList<ConfigError> Conflicts(IEnumerable<string> set)
    {
        var names = set.ToHashSet(StringComparer.Ordinal);
        return ConfigKey.All.Where(k => k.FormerFullName is { } former && names.Contains(former) && names.Contains(k.FullName))
            .Select(k => new ConfigError(k.FullName, $"and {k.FormerFullName}, its former name, are both set: keep {k.FullName}"))
            .ToArray();
    }
}
