using Xunit.Abstractions;

namespace RealtimeStack.Cli.Tests.Docs;

/// <summary>Every command the README and the docs show is run (<see cref="DocumentedSession"/> says how), so none goes stale.</summary>
public sealed class DocumentedCommandsTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Every_documented_command_runs()
    {
        var commands = DocumentedCommand.In(RepoPaths.Root);
        Assert.True(commands.Count >= 30, $"only {commands.Count} commands found: is the parser reading the sh blocks?");
        await using var session = new DocumentedSession(RepoPaths.Root);
        var failures = new List<string>();
        foreach (var command in commands)
        {
            var problem = await session.RunAsync(command);
            output.WriteLine($"{(problem is null ? "ran   " : "FAILED")} {command}");
            if (problem is not null) failures.Add($"{command}\n    {problem}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void The_parser_joins_continuations_and_drops_comments_outside_quotes()
    {
        var page = "text\n```sh\njq -R 'a # not a comment' x \\\n  | jq -s y   # a comment\n\n  pulumi up -s dev\njq 'b\n  | c' f   # quoted lines\n```\n   ```sh\n   cd examples/yaml\n   ```\n";
        Assert.Equal(["jq -R 'a # not a comment' x | jq -s y", "pulumi up -s dev", "jq 'b | c' f", "cd examples/yaml"], DocumentedCommand.Parse("p.md", page).Select(c => c.Text));
        Assert.Equal(["pulumi", "config", "set", "realtime:aliases[0]", "a b"], DocumentedCommand.Words("pulumi config set 'realtime:aliases[0]' \"a b\""));
    }
}
