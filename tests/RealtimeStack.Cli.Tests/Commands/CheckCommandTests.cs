using System.Text.Json;
using System.Text.RegularExpressions;
using RealtimeStack.Cli.Tests.Support;

namespace RealtimeStack.Cli.Tests.Commands;

/// <summary>
/// <c>edge check</c> from the repository root, in process, as CI runs it: every stack file renders, passes
/// <c>nginx -t</c>, runs on this machine's nginx in front of the sample backends, and passes the doctor; then
/// nothing it started is left running.
/// </summary>
public sealed partial class CheckCommandTests
{
    public static TheoryData<string> StackNames => new(RealtimeStack.Cli.StackConfigSource.Stacks(RepoPaths.Root));

    [Theory]
    [MemberData(nameof(StackNames))]
    public async Task Every_stack_file_passes_and_leaves_nothing_running(string stack)
    {
        CommandRun run;
        using (new WorkingDirectory(RepoPaths.Root)) run = await CommandRun.RunAsync("check", "--stack", stack, "--duration", "1");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith($"edge check stack {stack}: nginx ", run.Stdout);
        Assert.Contains("accepted the rendered configuration (nginx -t)", run.Stdout);
        // A cluster stack says that its own proxy (Envoy, the controller) is not what ran.
        Assert.Equal(stack is "gateway" or "k8s", run.Stdout.Contains("\nnote: this stack deploys ", StringComparison.Ordinal));
        Assert.Matches(@"\n\d+ checks: \d+ passed, 0 failed, \d+ skipped\n", run.Stdout);
        // The status listener of the edge it ran, and a reading of it after the doctor.
        var status = StatusUrl().Match(run.Stdout);
        Assert.True(status.Success, run.Stdout);
        Assert.Contains($"edge status {status.Groups[1].Value}", run.Stdout);
        Assert.Matches(@"\n  connections  active \d+: reading \d+, writing \d+, waiting \d+\n", run.Stdout);
        var pid = int.Parse(StoppedPid().Match(run.Stderr).Groups[1].Value);
        Assert.False(Directory.Exists($"/proc/{pid}"), $"nginx {pid} still runs");
        if (stack == "dev") TheDocumentedSampleIsThisOutput(run.Stdout);
    }

    /// <summary>docs/observability.md shows what <c>edge check --stack dev</c> prints: line for line, but for the
    /// numbers (ports, times, dates), which differ from run to run.</summary>
    private static void TheDocumentedSampleIsThisOutput(string stdout)
    {
        const string command = "$ edge check --stack dev --duration 3";
        var page = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "observability.md"));
        var start = page.IndexOf("```\n" + command + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/observability.md has no sample of '{command}'");
        var body = page[(start + 4 + command.Length + 1)..];
        var sample = body[..body.IndexOf("```", StringComparison.Ordinal)].TrimEnd('\n').Split('\n');
        var actual = stdout.TrimEnd('\n').Split('\n');
        Assert.Equal(actual.Select(Masked), sample.Select(Masked));
    }

    // A measured time may read "980 ms" in one run and "1.2 s" in another: a time is masked whole, then any number.
    private static string Masked(string line) => Number().Replace(Time().Replace(line, "T"), "N");

    [GeneratedRegex(@"\d+")]
    private static partial Regex Number();

    [GeneratedRegex(@"\d+(?:\.\d+)? (?:ms|s)\b")]
    private static partial Regex Time();

    [Fact]
    public async Task The_dev_stack_passes_every_check_as_json()
    {
        CommandRun run;
        using (new WorkingDirectory(RepoPaths.Root)) run = await CommandRun.RunAsync("check", "--stack", "dev", "--duration", "1", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal("dev", json.RootElement.GetProperty("stack").GetString());
        Assert.Equal("ok", json.RootElement.GetProperty("configurationTest").GetString());
        Assert.True(json.RootElement.GetProperty("doctor").GetProperty("healthy").GetBoolean());
        Assert.All(run.Statuses("doctor"), s => Assert.Equal("pass", s.Value));
        // The dev stack's own name reaches nginx (SNI, Host) while the connection goes to 127.0.0.1.
        Assert.StartsWith("https://localhost:", json.RootElement.GetProperty("doctor").GetProperty("url").GetString());
        Assert.Matches(@"^http://127\.0\.0\.1:\d+/stub_status$", json.RootElement.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("--stack NAME is required")]
    [InlineData("stack file", "--stack", "no-such-stack")]
    [InlineData("--stack '../dev' must be a stack name", "--stack", "../dev")]
    [InlineData("realtime:httpPort", "--stack", "dev", "--set", "realtime:httpPort=eighty")]
    [InlineData("--duration 'soon' must be a number of seconds", "--stack", "dev", "--duration", "soon")]
    [InlineData("unknown argument '--url'", "--stack", "dev", "--url", "https://example.com/")]
    public async Task Bad_arguments_or_configuration_exit_2_before_anything_starts(string problem, params string[] args)
    {
        CommandRun run;
        using (new WorkingDirectory(RepoPaths.Root)) run = await CommandRun.RunAsync(["check", .. args]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(problem, run.Stderr);
        Assert.DoesNotContain("starting nginx", run.Stderr);
        Assert.Empty(run.Stdout);
    }

    [GeneratedRegex(@", status (http://127\.0\.0\.1:\d+/stub_status)\)")]
    private static partial Regex StatusUrl();

    [GeneratedRegex(@"stopped nginx \(pid (\d+)\)")]
    private static partial Regex StoppedPid();
}
