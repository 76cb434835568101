using RealtimeStack.Cli.Doctor;
using RealtimeStack.Cli.Tests.Support;

namespace RealtimeStack.Cli.Tests.Doctor;

/// <summary><c>edge doctor</c> against real nginx running the project's own configuration: nothing to find.</summary>
public sealed class DoctorOnProjectConfigurationTests(HealthyEdgeFixture fixture) : IClassFixture<HealthyEdgeFixture>
{
    [Fact]
    public async Task Every_check_passes_and_the_json_lists_them_all_in_order()
    {
        var run = await CommandRun.DoctorAsync(fixture.Edge, TimeSpan.FromSeconds(2));

        Assert.True(run.ExitCode == 0, run.ToString());
        var statuses = run.Statuses();
        Assert.Equal(DoctorChecks.All.Select(c => c.Id), statuses.Keys);
        Assert.All(statuses, s => Assert.True(s.Value == "pass", $"{s.Key}: {s.Value}\n{run}"));
        // What was measured, not only that it passed: the real names, protocols and instances.
        var pacing = run.Check("sse-buffering").GetProperty("measured").GetString();
        Assert.Matches(@"HTTP/1.1: (19|20|21) events, one by one", pacing); // both versions watched: nginx may buffer one only; 20 written in the window, one may fall on its edge
        Assert.Matches(@"HTTP/2: (19|20|21) events, one by one", pacing); // 20 written in the window; one may fall on its edge
        Assert.Contains("ws-1", run.Check("ws-upgrade").GetProperty("measured").GetString());
        Assert.Contains("all reached sse-1", run.Check("sse-sticky").GetProperty("measured").GetString());
        Assert.Contains($"Host {LocalStacks.Host}, X-Real-IP 127.0.0.1 (this client)", run.Check("forwarded-headers").GetProperty("measured").GetString());
        Assert.Contains("doctor: watching SSE streams", run.Stderr);
    }

    [Fact]
    public async Task The_text_report_has_one_line_per_check_and_a_summary()
    {
        var run = await CommandRun.DoctorAsync(fixture.Edge, TimeSpan.FromSeconds(1), json: false);

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // nginx names itself on its own redirect and on every proxied answer: the edge is detected as nginx.
        Assert.StartsWith($"edge doctor https://{LocalStacks.Host}:{fixture.Edge.Spec.Listen.HttpsPort}/ (edge: nginx; server: nginx", lines[0]);
        foreach (var check in DoctorChecks.All)
            Assert.Single(lines, l => l.StartsWith($"  pass  {check.Id} ", StringComparison.Ordinal));
        Assert.Equal($"{DoctorChecks.All.Count} checks: {DoctorChecks.All.Count} passed, 0 failed, 0 skipped", lines[^1]);
        Assert.DoesNotContain("fix (nginx)", run.Stdout);
    }
}
