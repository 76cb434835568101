using RealtimeStack.Edge.Configuration;
using RealtimeStack.Edge.Rendering;

namespace RealtimeStack.Edge.Tests.Rendering;

/// <summary>
/// The whole rendering of each repository stack (one per mode), kept in Golden/ beside this file and compared byte for byte:
/// a change to a renderer shows up in review as a diff of whole files. Regenerate with the command in README.md here.
/// </summary>
public sealed class GoldenRenderingTests
{
    public static TheoryData<string, string> Stacks => new()
    {
        { "dev", "dev.nginx.conf" },
        { "k8s", "k8s.yaml" },
        { "gateway", "gateway.yaml" },
    };

    [Theory]
    [MemberData(nameof(Stacks))]
    public void The_stack_renders_its_golden_file(string stack, string file)
    {
        var rendered = RenderedConfiguration.Of(StackModel.Bind(RepoStacks.Values(stack)));
        Snapshot.Check(Path.Combine(RepoPaths.Root, "tests", "RealtimeStack.Edge.Tests", "Rendering", "Golden", file), rendered);
    }

    [Fact]
    public void Every_repository_stack_has_a_golden_file()
    {
        var stacks = Directory.GetFiles(RepoPaths.Root, "Pulumi.*.yaml").Select(p => Path.GetFileName(p).Split('.')[1]).Order();
        Assert.Equal(stacks, Stacks.Select(row => (string)row[0]).Order());
    }
}
