using RealtimeStack.Edge.Configuration;
using RealtimeStack.Edge.Tests.Support;

namespace RealtimeStack.Edge.Tests.Docs;

/// <summary>The README's configuration reference is the key table: every key, with its real default.</summary>
public sealed class ReadmeTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));

    public static TheoryData<string> Keys => new(EdgeConfigKeys.All.Concat(DeploymentConfigKeys.All).Select(k => k.Name));

    [Theory]
    [MemberData(nameof(Keys))]
    public void Every_key_is_documented_with_its_default(string name)
    {
        var key = EdgeConfigKeys.All.Concat(DeploymentConfigKeys.All).Single(k => k.Name == name);
        var shown = key.Default is null ? "—" : key.Default.Length == 0 ? "(empty)" : $"`{key.Default}`";
        Assert.Contains($"| `{key.FullName}` | {shown} |", Readme);
    }

    [Fact]
    public void The_test_command_in_the_readme_is_the_one_ci_runs()
    {
        Assert.Contains("./tests/run.sh", Readme);
        Assert.Contains("./tests/run.sh", File.ReadAllText(Path.Combine(RepoPaths.Root, ".ci", "run")));
    }
}
