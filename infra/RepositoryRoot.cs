using RealtimeStack.Edge.Configuration;

namespace RealtimeStack.Infra;

/// <summary>Pulumi runs the program in infra/ (Pulumi.yaml's main); the repository root is the nearest Pulumi.yaml above.</summary>
public static class RepositoryRoot
{
    public static string Find() => StackFile.ProjectRoot(Directory.GetCurrentDirectory()) ?? Directory.GetCurrentDirectory();
}
