using RealtimeStack.Edge.Model;

namespace RealtimeStack.Edge.Configuration;

/// <summary>
/// A stack's model bound while some settings are not known yet: in a Pulumi preview, where a value may be the Output
/// of a resource not created yet, or in a component's constructor, where only its plain inputs are known. Each unknown
/// setting stands in as a valid placeholder (its default, or a sample where it has none). An error that names an
/// unknown setting, as its key or in its rule, may be the placeholder's and is dropped; every other error is real and
/// is thrown, all together. A value of <see cref="Model"/> that reads only known settings is the real one.
/// </summary>
public sealed record PartialModel(StackModel? Model, IReadOnlySet<string> Unknown)
{
    /// <summary>Stands in for an unknown domain (the .invalid name can never be a real one, RFC 2606).</summary>
    private const string UnknownDomain = "unknown-domain.invalid";

    /// <summary>Stands in for an unknown backend image.</summary>
    private const string UnknownImage = "unknown.invalid/backend:unknown";

    /// <summary>Every setting is known: <see cref="Model"/> is the stack's whole model.</summary>
    public bool IsComplete => Unknown.Count == 0;

    /// <summary>Whether all of these settings are known.</summary>
    public bool Knows(IEnumerable<ConfigKey> keys) => keys.All(k => !Unknown.Contains(k.FullName));

    /// <summary>
    /// Binds <paramref name="known"/> with placeholders for <paramref name="unknown"/>. Throws
    /// <see cref="EdgeConfigException"/> with the errors of known settings. <see cref="Model"/> is null when the model
    /// cannot be bound for unknown settings alone (a placeholder clashed with a known value).
    /// </summary>
    public static PartialModel Bind(IReadOnlyDictionary<string, string> known, IEnumerable<ConfigKey> unknown)
    {
        var unknownKeys = unknown.ToArray();
        var unknownNames = unknownKeys.Select(k => k.FullName).ToHashSet(StringComparer.Ordinal);
        var values = new Dictionary<string, string>(known, StringComparer.Ordinal);
        foreach (var key in unknownKeys) values[key.FullName] = Placeholder(key);
        try
        {
            return new PartialModel(StackModel.Bind(values), unknownNames);
        }
        catch (EdgeConfigException e)
        {
            var real = e.Errors.Where(error => !Involves(error, unknownNames)).ToArray();
            if (real.Length > 0) throw new EdgeConfigException(real);
            return new PartialModel(null, unknownNames);
        }
    }

    private static bool Involves(ConfigError error, IReadOnlySet<string> keys) =>
        keys.Contains(error.Key) || ConfigKey.MentionedIn(error.Rule).Any(keys.Contains);

    private static string Placeholder(ConfigKey key) => key switch
    {
        _ when key == EdgeConfigKeys.Domain => UnknownDomain,
        _ when key == DeploymentConfigKeys.BackendImage => UnknownImage,
        { Secret: true } => throw new ArgumentException($"{key} is a secret: it is never part of the flat settings", nameof(key)),
        { Default: { } value } => value,
        _ => throw new ArgumentException($"{key} has no default to stand in for it", nameof(key)),
    };
}
