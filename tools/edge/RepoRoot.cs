namespace RealtimeStack.Cli;

/// <summary>Finds the project root: the nearest directory upwards that holds Pulumi.yaml.</summary>
public static class RepoRoot
{
    public static string Find(string? start = null)
    {
        for (var dir = new DirectoryInfo(start ?? Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Pulumi.yaml"))) return dir.FullName;
        throw new UsageException("no Pulumi.yaml found in this directory or above it: run edge inside the project");
    }
}
