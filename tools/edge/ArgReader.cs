namespace RealtimeStack.Cli;

/// <summary>A small reader for <c>--name value</c> and <c>--flag</c> arguments that reports every unknown one.</summary>
public sealed class ArgReader
{
    private readonly List<string> _args;
    private readonly List<string> _problems = [];

    public ArgReader(IEnumerable<string> args) => _args = args.ToList();

    public IReadOnlyList<string> Problems => _problems;

    public bool Flag(string name) => _args.Remove(name);

    public string? Option(string name) => Options(name) is { Count: > 0 } values ? values[^1] : null;

    public IReadOnlyList<string> Options(string name)
    {
        var values = new List<string>();
        for (var i = 0; i < _args.Count;)
        {
            if (_args[i] != name) { i++; continue; }
            if (i + 1 >= _args.Count || _args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                _problems.Add($"{name} needs a value");
                _args.RemoveAt(i);
                continue;
            }
            values.Add(_args[i + 1]);
            _args.RemoveRange(i, 2);
        }
        return values;
    }

    /// <summary>The remaining positional argument, if exactly one is wanted.</summary>
    public string? Positional()
    {
        var index = _args.FindIndex(a => !a.StartsWith("--", StringComparison.Ordinal));
        if (index < 0) return null;
        var value = _args[index];
        _args.RemoveAt(index);
        return value;
    }

    /// <summary>Throws <see cref="UsageException"/> if anything was wrong or left over.</summary>
    public void Done(string usage)
    {
        var problems = _problems.Concat(_args.Select(a => $"unknown argument '{a}'")).ToList();
        if (problems.Count > 0) throw new UsageException([.. problems, "usage: " + usage]);
    }
}
