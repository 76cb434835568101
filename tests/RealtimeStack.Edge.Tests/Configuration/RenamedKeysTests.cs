using RealtimeStack.Edge.Configuration;
using RealtimeStack.Edge.Model;
using RealtimeStack.Edge.Rendering;

namespace RealtimeStack.Edge.Tests.Configuration;

/// <summary>
/// Keys renamed so their names hold in every mode (controllerReplicas, which counts Envoy proxies in gateway mode, is
/// proxyReplicas; serviceMonitor, a PodMonitor there, is metricsMonitor): a stack file with an old name renders the
/// same edge and is told the new name; one that sets a setting under both names is refused.
/// </summary>
public sealed class RenamedKeysTests
{
    public static TheoryData<string, string, string> Renames => new()
    {
        { "realtime:controllerReplicas", "realtime:proxyReplicas", "3" },
        { "realtime:serviceMonitor", "realtime:metricsMonitor", "true" },
        { "realtime:serviceMonitorLabels", "realtime:metricsMonitorLabels", "release=kps" },
    };

    [Theory]
    [MemberData(nameof(Renames))]
    public void A_former_name_sets_the_same_edge_as_the_new_one_with_a_warning(string former, string current, string value)
    {
        foreach (var stack in new[] { "k8s", "gateway" })
        {
            // The monitor's labels show only on a monitor.
            Dictionary<string, string> Base()
            {
                var values = RepoStacks.Values(stack);
                if (current == DeploymentConfigKeys.MetricsMonitorLabels.FullName) values[DeploymentConfigKeys.MetricsMonitor.FullName] = "true";
                return values;
            }
            var withNew = Base();
            withNew[current] = value;
            var withOld = Base();
            withOld.Remove(current);
            withOld[former] = value;
            Assert.Equal(RenderedConfiguration.Of(StackModel.Bind(withNew)), RenderedConfiguration.Of(StackModel.Bind(withOld)));
            Assert.NotEqual(RenderedConfiguration.Of(StackModel.Bind(Base())), RenderedConfiguration.Of(StackModel.Bind(withOld)));
            var warning = Assert.Single(RenamedKeys.Warnings(withOld.Keys));
            Assert.Equal($"{former}: is now {current}: rename it (the old name still works, and will go)", warning.ToString());
            Assert.Empty(RenamedKeys.Warnings(withNew.Keys));
        }
    }

    [Theory]
    [MemberData(nameof(Renames))]
    public void Both_names_at_once_are_refused(string former, string current, string value)
    {
        var values = RepoStacks.Values("k8s");
        values[former] = value;
        values[current] = value;
        var e = Assert.Throws<EdgeConfigException>(() => StackModel.Bind(values));
        Assert.Contains(e.Errors, x => x.Key == current && x.Rule == $"and {former}, its former name, are both set: keep {current}");
    }

    [Fact]
    public void A_former_name_is_found_for_suggestions_and_mode_warnings_under_its_new_key()
    {
        Assert.Equal(DeploymentConfigKeys.ProxyReplicas, ConfigKey.Find("realtime:controllerReplicas"));
        Assert.Equal(DeploymentConfigKeys.ProxyReplicas, ConfigKey.Find("kubernetes.controllerReplicas"));
        // Set in a docker stack it does nothing there, whichever name it has.
        var warning = Assert.Single(ModeEffects.NoEffect(new Dictionary<string, string> { ["realtime:controllerReplicas"] = "3" }));
        Assert.Equal("realtime:proxyReplicas", warning.Key);
        // No key's former name is another key's name.
        Assert.DoesNotContain(ConfigKey.All, k => k.FormerFullName is { } f && ConfigKey.All.Any(o => o.FullName == f));
    }
}
