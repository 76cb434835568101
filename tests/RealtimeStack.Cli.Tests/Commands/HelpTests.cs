using RealtimeStack.Cli.Tests.Support;

namespace RealtimeStack.Cli.Tests.Commands;

/// <summary>Help as a newcomer asks for it: every command's own usage, every option listed, and errors said once.</summary>
public sealed class HelpTests
{
    [Theory]
    [InlineData("render", "edge render --stack NAME")]
    [InlineData("diff", "edge diff --stack NAME")]
    [InlineData("check", "edge check --stack NAME")]
    [InlineData("serve", "edge serve --stack NAME")]
    [InlineData("doctor", "edge doctor URL")]
    [InlineData("status", "edge status URL")]
    public async Task Every_command_answers_help_with_its_usage(string command, string usage)
    {
        foreach (var help in new[] { "--help", "-h" })
        {
            var run = await CommandRun.RunAsync([command, help]);
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.StartsWith("usage: " + usage, run.Stdout);
            Assert.Empty(run.Stderr);
        }
    }

    [Fact]
    public async Task The_overall_help_lists_every_option_of_every_command()
    {
        var run = await CommandRun.RunAsync(["--help"]);
        Assert.Equal(0, run.ExitCode);
        // doctor's --edge was missing: the overall help is made of the commands' own usage lines.
        Assert.Contains("[--edge nginx|ingress-nginx|envoy-gateway]", run.Stdout);
        foreach (var command in new[] { "render", "diff", "check", "serve", "doctor", "status" })
            Assert.Contains($"  edge {command} ", run.Stdout);
    }

    [Fact]
    public async Task An_error_is_said_once_and_the_usage_is_not_called_an_error()
    {
        var run = await CommandRun.RunAsync(["render", "--bogus"]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error: unknown argument '--bogus'", run.Stderr);
        Assert.DoesNotContain("error: usage:", run.Stderr);
        Assert.Contains("\nusage: edge render", "\n" + run.Stderr);
    }
}
