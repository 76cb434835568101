using RealtimeStack.Edge.Configuration;

namespace RealtimeStack.Edge.Tests.Docs;

/// <summary>The configuration reference (docs/configuration.md) is the key table, generated from it: every key, input path, kind and real default; the README is the front door.</summary>
public sealed class ReadmeTests
{
    private static readonly string ReadmePath = Path.Combine(RepoPaths.Root, "README.md");
    private static readonly string ReferencePath = Path.Combine(RepoPaths.Root, "docs", "configuration.md");

    [Fact]
    public void The_edge_keys_table_is_the_key_table() =>
        GeneratedSection.Check(ReferencePath, "edge-keys", KeyTable(EdgeConfigKeys.All));

    [Fact]
    public void The_deployment_keys_table_is_the_key_table() =>
        GeneratedSection.Check(ReferencePath, "deployment-keys", KeyTable(DeploymentConfigKeys.All));

    [Fact]
    public void Every_key_is_in_one_of_the_tables() =>
        Assert.Equal(ConfigKey.All, [.. EdgeConfigKeys.All, .. DeploymentConfigKeys.All]);

    [Fact]
    public void The_test_command_in_the_readme_is_the_one_ci_runs()
    {
        Assert.Contains("./tests/run.sh", File.ReadAllText(ReadmePath));
        Assert.Contains("./tests/run.sh", File.ReadAllText(Path.Combine(RepoPaths.Root, ".ci", "run")));
    }

    [Fact]
    public void The_readme_is_a_front_door_and_every_relative_link_in_the_docs_resolves()
    {
        Assert.True(File.ReadAllLines(ReadmePath).Length <= 200, "README.md is the front door: keep it to 200 lines, depth goes to docs/");
        var pages = Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "docs"), "*.md").Append(ReadmePath).Append(Path.Combine(RepoPaths.Root, "examples", "README.md"));
        var broken = new List<string>();
        foreach (var page in pages)
        {
            var text = File.ReadAllText(page);
            foreach (System.Text.RegularExpressions.Match link in System.Text.RegularExpressions.Regex.Matches(text, @"\]\((?!https?://)([^)#\s]*)(#[^)\s]*)?\)"))
            {
                var (path, anchor) = (link.Groups[1].Value, link.Groups[2].Value);
                var target = path.Length == 0 ? page : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, path));
                if (!File.Exists(target) && !Directory.Exists(target)) { broken.Add($"{Path.GetFileName(page)}: {link.Value}"); continue; }
                if (anchor.Length > 1 && target.EndsWith(".md", StringComparison.Ordinal) && !Anchors(File.ReadAllText(target)).Contains(anchor[1..]))
                    broken.Add($"{Path.GetFileName(page)}: {link.Value} (no such heading)");
            }
        }
        Assert.True(broken.Count == 0, string.Join("\n", broken));
    }

    // GitHub's heading anchors: lower case, punctuation but '-' dropped, spaces as '-'.
    private static HashSet<string> Anchors(string markdown) =>
        markdown.Split('\n').Where(l => l.StartsWith('#')).Select(l => l.TrimStart('#').Trim().ToLowerInvariant())
            .Select(h => new string(h.Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-').ToArray()).Replace(' ', '-'))
            .ToHashSet(StringComparer.Ordinal);

    private static string KeyTable(IEnumerable<ConfigKey> keys)
    {
        var lines = new List<string> { "| stack key | component input | type | default | modes | meaning |", "|---|---|---|---|---|---|" };
        foreach (var key in keys)
        {
            var shown = key.Default is null ? "—" : key.Default.Length == 0 ? "(empty)" : $"`{key.Default}`";
            var kind = key.Kind.ToString().ToLowerInvariant() + (key.Secret ? ", secret" : "");
            // A plain input decides which resources exist: it must be known when the edge is constructed.
            var input = $"`{key.Path}`" + (ResourceShape.Decides(key) ? " (plain)" : "");
            var modes = key.Modes.Count == StackModes.All.Count ? "all" : string.Join(", ", key.Modes);
            var formerly = key.FormerFullName is null ? "" : $" Formerly `{key.FormerFullName}` (`{key.FormerPath}`), still read with a warning.";
            lines.Add($"| `{key.FullName}` | {input} | {kind} | {shown} | {modes} | {key.Description}{formerly} |");
        }
        return string.Join('\n', lines);
    }
}
