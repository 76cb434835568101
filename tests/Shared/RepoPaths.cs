namespace RealtimeStack.Tests.Shared;

/// <summary>The repository root, found from the test assembly's directory by walking up to Pulumi.yaml.</summary>
public static class RepoPaths
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Pulumi.yaml"))) return dir.FullName;
        throw new InvalidOperationException("Pulumi.yaml not found above " + AppContext.BaseDirectory);
    }
}
