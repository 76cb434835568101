using RealtimeStack.Cli.Doctor;
using RealtimeStack.Cli.LocalEdges;
using RealtimeStack.Cli.Tests.Support;

namespace RealtimeStack.Cli.Tests.Doctor;

/// <summary>
/// <c>edge doctor</c> against the project's configuration on every installed nginx, each running the configuration
/// rendered for its own version (HTTP/2 is switched on differently before and from 1.25.1): nothing to find.
/// </summary>
public sealed class DoctorOnEveryNginxTests
{
    public static TheoryData<string> Nginx => InstalledNginx.Names;

    [Theory]
    [MemberData(nameof(Nginx))]
    public async Task Every_check_passes(string nginx)
    {
        var binary = InstalledNginx.Get(nginx);
        await using var edge = await LocalEdge.StartAsync(LocalStacks.Minimal(), binary);
        Assert.Equal(binary.Path, edge.Nginx.Binary.Path);
        Assert.Equal(binary.Version, edge.Spec.NginxVersion);

        var run = await CommandRun.DoctorAsync(edge, TimeSpan.FromSeconds(2));

        Assert.True(run.ExitCode == 0, run.ToString());
        var statuses = run.Statuses();
        Assert.Equal(DoctorChecks.All.Select(c => c.Id), statuses.Keys);
        Assert.All(statuses, s => Assert.True(s.Value == "pass", $"{s.Key}: {s.Value}\n{run}"));
        var pacing = run.Check("sse-buffering").GetProperty("measured").GetString();
        Assert.Matches(@"HTTP/1.1: (19|20|21) events, one by one", pacing); // 20 written in the window; one may fall on its edge
        Assert.Matches(@"HTTP/2: (19|20|21) events, one by one", pacing); // 20 written in the window; one may fall on its edge
    }
}
