using RealtimeStack.Edge.Configuration;

namespace RealtimeStack.Tests.Shared;

/// <summary>The repository's stacks (Pulumi.dev.yaml, Pulumi.k8s.yaml) as flat <c>realtime:*</c> values.</summary>
public static class RepoStacks
{
    public static Dictionary<string, string> Values(string stack) =>
        new(StackFile.Load(StackFile.PathFor(RepoPaths.Root, stack)).Values, StringComparer.Ordinal);
}
