namespace RealtimeStack.Edge.Model;

/// <summary>Thrown when a model cannot be built; carries every error found, not just the first.</summary>
public sealed class EdgeConfigException(IReadOnlyList<ConfigError> errors)
    : Exception(FormatMessage(errors))
{
    public IReadOnlyList<ConfigError> Errors { get; } = errors;

    private static string FormatMessage(IReadOnlyList<ConfigError> errors) =>
        "invalid edge configuration:" + string.Concat(errors.Select(e => "\n  " + e));
}
