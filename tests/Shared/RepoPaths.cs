namespace RealtimeStack.Tests.Shared;

/// <summary>The repository root, found from the test assembly's directory by walking up to Pulumi.yaml.</summary>
public static class RepoPaths
{
    public static string Root { get; } = Edge.Configuration.StackFile.ProjectRoot(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("Pulumi.yaml not found above " + AppContext.BaseDirectory);

    /// <summary>
    /// A program of this repository as built beside the running tests (same configuration, Debug or Release), to be
    /// started as its own process: <paramref name="project"/> is its folder from the root, <paramref name="dll"/> its assembly.
    /// </summary>
    public static string BuiltProgram(string project, string dll)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        return Path.Combine(Root, project, "bin", configuration, "net10.0", dll);
    }
}
