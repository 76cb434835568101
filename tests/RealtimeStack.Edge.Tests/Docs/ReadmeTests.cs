using RealtimeStack.Edge.Configuration;
using RealtimeStack.Edge.Hosting;

namespace RealtimeStack.Edge.Tests.Docs;

/// <summary>The README's configuration reference is the key table, generated from it: every key, input path, kind and real default.</summary>
public sealed class ReadmeTests
{
    private static readonly string ReadmePath = Path.Combine(RepoPaths.Root, "README.md");

    [Fact]
    public void The_edge_keys_table_is_the_key_table() =>
        GeneratedSection.Check(ReadmePath, "edge-keys", KeyTable(EdgeConfigKeys.All));

    [Fact]
    public void The_deployment_keys_table_is_the_key_table() =>
        GeneratedSection.Check(ReadmePath, "deployment-keys", KeyTable(DeploymentConfigKeys.All));

    [Fact]
    public void Every_key_is_in_one_of_the_tables() =>
        Assert.Equal(ConfigKey.All, [.. EdgeConfigKeys.All, .. DeploymentConfigKeys.All]);

    [Fact]
    public void The_test_command_in_the_readme_is_the_one_ci_runs()
    {
        Assert.Contains("./tests/run.sh", File.ReadAllText(ReadmePath));
        Assert.Contains("./tests/run.sh", File.ReadAllText(Path.Combine(RepoPaths.Root, ".ci", "run")));
    }

    private static string KeyTable(IEnumerable<ConfigKey> keys)
    {
        var lines = new List<string> { "| stack key | component input | type | default | meaning |", "|---|---|---|---|---|" };
        foreach (var key in keys)
        {
            var shown = key.Default is null ? "—" : key.Default.Length == 0 ? "(empty)" : $"`{key.Default}`";
            var kind = key.Kind.ToString().ToLowerInvariant() + (key.Secret ? ", secret" : "");
            // A plain input decides which resources exist: it must be known when the edge is constructed.
            var input = $"`{key.Path}`" + (ResourceShape.Decides(key) ? " (plain)" : "");
            lines.Add($"| `{key.FullName}` | {input} | {kind} | {shown} | {key.Description} |");
        }
        return string.Join('\n', lines);
    }
}
