using RealtimeStack.Edge.Configuration;

namespace RealtimeStack.Cli;

/// <summary>Finds the project root: the nearest directory upwards that holds Pulumi.yaml.</summary>
public static class RepoRoot
{
    public static string Find(string? start = null) =>
        StackFile.ProjectRoot(start ?? Directory.GetCurrentDirectory())
        ?? throw new UsageException("no Pulumi.yaml found in this directory or above it: run edge inside the project");
}
