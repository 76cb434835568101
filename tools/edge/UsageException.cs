namespace RealtimeStack.Cli;

/// <summary>Bad arguments or input: reported on stderr with exit code 2, nothing written.</summary>
public sealed class UsageException(IReadOnlyList<string> problems) : Exception(string.Join("\n", problems))
{
    public UsageException(string problem) : this([problem]) { }

    public IReadOnlyList<string> Problems { get; } = problems;
}
