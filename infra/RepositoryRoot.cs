namespace RealtimeStack.Infra;

/// <summary>Pulumi runs the program in infra/ (Pulumi.yaml's main); the repository root is the nearest Pulumi.yaml above.</summary>
public static class RepositoryRoot
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Pulumi.yaml"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}
