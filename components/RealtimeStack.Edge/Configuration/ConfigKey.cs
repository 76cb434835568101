using System.Text.RegularExpressions;

namespace RealtimeStack.Edge.Configuration;

/// <summary>
/// One setting of the edge: its stack config name under the <c>realtime:</c> namespace, its path among the
/// component's inputs, the kind of value, its default and meaning. The default is written here and nowhere else.
/// </summary>
public sealed partial record ConfigKey(string Name, string Path, ValueKind Kind, string? Default, string Description, bool Secret = false)
{
    public const string Namespace = "realtime";

    /// <summary>The modes (values of <c>realtime:mode</c>) in which the key acts; in the others, setting it changes
    /// nothing and is warned about (<see cref="ModeEffects"/>).</summary>
    public IReadOnlyList<string> Modes { get; init; } = StackModes.All;

    /// <summary>The key as Pulumi stack config spells it, e.g. <c>realtime:domain</c>.</summary>
    public string FullName => $"{Namespace}:{Name}";

    /// <summary>The name the key had before it was renamed (without the namespace), still read with a warning
    /// (<see cref="RenamedKeys"/>); null for a key never renamed.</summary>
    public string? FormerName { get; init; }

    /// <summary>The component input path it had before, still read with a warning.</summary>
    public string? FormerPath { get; init; }

    public string? FormerFullName => FormerName is null ? null : $"{Namespace}:{FormerName}";

    /// <summary>Every key of the edge and of its deployment, in reference order.</summary>
    public static IReadOnlyList<ConfigKey> All { get; } = [.. EdgeConfigKeys.All, .. DeploymentConfigKeys.All];

    /// <summary>The key whose stack config name (<c>realtime:x</c>) or input path (<c>routes.sse.readTimeout</c>) is
    /// given, under its name or its former one.</summary>
    public static ConfigKey? Find(string nameOrPath) =>
        All.FirstOrDefault(k => k.FullName == nameOrPath || k.Path == nameOrPath)
        ?? All.FirstOrDefault(k => k.FormerFullName == nameOrPath || k.FormerPath == nameOrPath);

    /// <summary>This key's value in flat <paramref name="values"/> (under its name, or else its former one), or its
    /// default; null when none exists.</summary>
    public string? ValueIn(IReadOnlyDictionary<string, string> values) =>
        values.TryGetValue(FullName, out var value) ? value
        : FormerFullName is { } former && values.TryGetValue(former, out var old) ? old
        : Default;

    /// <summary>
    /// The key a misspelled stack config name most likely meant: the same name in another case, or the nearest by
    /// edit distance of the names (insertions, deletions, substitutions, ignoring case) within a third of the name's
    /// length; null when none is that near.
    /// </summary>
    public static ConfigKey? Closest(string fullName, IEnumerable<ConfigKey> among)
    {
        var name = fullName.StartsWith(Namespace + ":", StringComparison.Ordinal) ? fullName[(Namespace.Length + 1)..] : fullName;
        var budget = Math.Max(1, name.Length / 3);
        return among.Select(k => (Key: k, Distance: Distance(k.Name.ToLowerInvariant(), name.ToLowerInvariant())))
            .Where(c => c.Distance <= budget)
            .OrderBy(c => c.Distance).ThenBy(c => c.Key.FullName, StringComparer.Ordinal)
            .Select(c => c.Key).FirstOrDefault();
    }

    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.Length];
    }

    /// <summary>The stack config names (<c>realtime:x</c>) a text mentions, as an error's rule names the other keys it rests on.</summary>
    public static IEnumerable<string> MentionedIn(string text) => FullNamePattern().Matches(text).Select(m => m.Value);

    /// <summary>A text with every key it mentions replaced, e.g. by its input path.</summary>
    public static string ReplaceMentions(string text, Func<string, string> replace) => FullNamePattern().Replace(text, m => replace(m.Value));

    public override string ToString() => FullName;

    [GeneratedRegex(Namespace + @":[A-Za-z0-9]+")]
    private static partial Regex FullNamePattern();
}
