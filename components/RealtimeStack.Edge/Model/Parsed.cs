namespace RealtimeStack.Edge.Model;

/// <summary>The result of parsing one value: either the value or the error naming key and rule.</summary>
public readonly record struct Parsed<T>(T? Value, ConfigError? Error)
{
    public bool Ok => Error is null;

    public static Parsed<T> Success(T value) => new(value, null);

    public static Parsed<T> Fail(string key, string rule) => new(default, new ConfigError(key, rule));

    public T ValueOrThrow() => Error is null ? Value! : throw new EdgeConfigException([Error]);
}
