using RealtimeStack.Edge.Changes;
using RealtimeStack.Edge.Configuration;

namespace RealtimeStack.Edge.Tests.Configuration;

/// <summary>
/// The one rule for keys and modes: each key declares the modes it acts in (<see cref="ConfigKey.Modes"/>), a key set
/// in another mode is a warning naming where it acts, and the declaration is what the change model finds: changing
/// a key in a mode it does not act in changes nothing there.
/// </summary>
public sealed class ModeEffectsTests
{
    public static TheoryData<string> RepositoryStacks => new() { "dev", "k8s", "gateway" };

    /// <summary>Keys that change nothing on a repository stack although its mode uses them, and why.</summary>
    private static readonly Dictionary<string, string> ActiveButSilentHere = new(StringComparer.Ordinal)
    {
        // They shape the ServiceMonitor or PodMonitor, which the repository's cluster stacks do not ask for.
        ["k8s realtime:metricsMonitorLabels"] = "no ServiceMonitor",
        ["gateway realtime:metricsMonitorLabels"] = "no PodMonitor",
        // Envoy always serves its metrics: in gateway mode the key only allows the PodMonitor, which the stack does not ask for.
        ["gateway realtime:metrics"] = "no PodMonitor",
    };

    [Theory]
    [MemberData(nameof(RepositoryStacks))]
    public void A_key_acts_in_a_mode_exactly_when_changing_it_there_changes_something(string stack)
    {
        var values = RepoStacks.Values(stack);
        var mode = DeploymentConfigKeys.Mode.ValueIn(values)!;
        foreach (var change in SettingChanges.For(values))
        {
            if (SettingChanges.Refused(values, change.Setting) is not null) continue;
            var key = ConfigKey.Find(change.Setting.Split(' ')[0])!;
            if (key == DeploymentConfigKeys.Mode) continue;
            var silent = UpdatePlanner.Plan(values, change.ApplyTo(values)).IsEmpty;
            if (!key.Modes.Contains(mode))
                Assert.True(silent, $"{key} is declared without effect in {mode} mode, but changing it there changes something");
            else if (silent)
                Assert.True(ActiveButSilentHere.ContainsKey($"{stack} {key}"), $"{key} is declared to act in {mode} mode, but changing it on stack {stack} changes nothing: declare its modes, or name why here");
        }
    }

    [Fact]
    public void A_key_set_where_its_mode_does_not_use_it_is_named_with_the_modes_that_do()
    {
        var values = new Dictionary<string, string>
        {
            ["realtime:mode"] = "kubernetes",
            ["realtime:httpsPort"] = "8443",
            ["realtime:nginxVersion"] = "1.28.0",
            ["realtime:namespace"] = "edge",
        };
        Assert.Equal(
            [
                "realtime:httpsPort: has no effect in kubernetes mode (it acts in docker and gateway mode); remove it from this stack or change the mode",
                "realtime:nginxVersion: has no effect in kubernetes mode (it acts in docker mode); remove it from this stack or change the mode",
            ],
            ModeEffects.NoEffect(values).Select(w => w.ToString()));
        // Without a mode the stack is docker's, where the namespace does nothing.
        Assert.Equal(["realtime:namespace"], ModeEffects.NoEffect(new Dictionary<string, string> { ["realtime:namespace"] = "edge" }).Select(w => w.Key));
        Assert.Equal("docker, kubernetes and gateway", StackModes.Describe(StackModes.All));
        // The configuration reference shows the warning as it is written.
        Assert.Contains("warning: " + ModeEffects.NoEffect(values)[0], File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "configuration.md")), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RepositoryStacks))]
    public void The_repository_stacks_set_only_keys_their_mode_uses(string stack) =>
        Assert.Empty(ModeEffects.NoEffect(RepoStacks.Values(stack)));
}
