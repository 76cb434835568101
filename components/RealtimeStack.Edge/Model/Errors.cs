namespace RealtimeStack.Edge.Model;

/// <summary>Collects errors while a model is built so that all of them are reported together.</summary>
public sealed class Errors
{
    private readonly List<ConfigError> _items = [];

    public IReadOnlyList<ConfigError> Items => _items;

    public bool Any => _items.Count > 0;

    public void Add(string key, string rule) => _items.Add(new ConfigError(key, rule));

    public void AddRange(IEnumerable<ConfigError> errors) => _items.AddRange(errors);

    /// <summary>Runs a parser; on failure records its error and returns the fallback so building can go on.</summary>
    public T Take<T>(Parsed<T> parsed, T fallback)
    {
        if (parsed.Error is { } error)
        {
            _items.Add(error);
            return fallback;
        }
        return parsed.Value!;
    }

    public void ThrowIfAny()
    {
        if (Any) throw new EdgeConfigException(_items.ToArray());
    }
}
