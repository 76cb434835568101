namespace RealtimeStack.Cli.Tests.Support;

/// <summary>Runs a command from another directory, as a user in that directory would, and restores the old one.
/// Safe because the test collections do not run in parallel (xunit.runner.json).</summary>
public sealed class WorkingDirectory : IDisposable
{
    private readonly string _previous = Directory.GetCurrentDirectory();

    public WorkingDirectory(string directory) => Directory.SetCurrentDirectory(directory);

    public void Dispose() => Directory.SetCurrentDirectory(_previous);
}
