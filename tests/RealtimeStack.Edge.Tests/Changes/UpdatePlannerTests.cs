using RealtimeStack.Edge.Changes;
using RealtimeStack.Edge.Configuration;

using RealtimeStack.Edge.Model;

namespace RealtimeStack.Edge.Tests.Changes;

/// <summary>The change model on the project's stacks: what a pulumi up does to the running edge, per setting.</summary>
public sealed class UpdatePlannerTests
{
    private static Dictionary<string, string> Stack(string name) => RepoStacks.Values(name);

    private static UpdatePlan Change(string stack, params (string Key, string Value)[] changes)
    {
        var before = Stack(stack);
        var after = new Dictionary<string, string>(before);
        foreach (var (key, value) in changes) after[key] = value;
        return UpdatePlanner.Plan(before, after);
    }

    public static TheoryData<string, string> EveryChange
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var stack in new[] { "dev", "k8s", "gateway" })
                foreach (var change in SettingChanges.For(Stack(stack))) data.Add(stack, change.Setting);
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(EveryChange))]
    public void Every_setting_change_is_planned_and_names_exactly_the_settings_it_changes(string stack, string setting)
    {
        var before = Stack(stack);
        var change = SettingChanges.For(before).Single(c => c.Setting == setting);
        if (SettingChanges.Refused(before, setting) is { } rule)
        {
            var error = Assert.Single(Assert.Throws<EdgeConfigException>(() => UpdatePlanner.Plan(before, change.ApplyTo(before))).Errors);
            Assert.Contains(error.Key, change.Values.Keys);
            Assert.Equal(rule, error.Rule);
            return;
        }
        var plan = UpdatePlanner.Plan(before, change.ApplyTo(before));
        Assert.Equal(change.Values.Keys.Order(StringComparer.Ordinal), plan.ChangedSettings.Order(StringComparer.Ordinal));
        // Something that renders differently is applied somehow: a changed diff with no planned change would be a silent no-op.
        if (plan.ConfigurationDiff.Length > 0) Assert.NotEmpty(plan.Changes);
    }

    [Fact]
    public void Every_setting_has_a_change() =>
        Assert.Equal(ConfigKey.All.Select(SettingChanges.Setting).Distinct(), SettingChanges.For(Stack("dev")).Select(c => c.Setting));

    [Fact]
    public void No_change_plans_nothing()
    {
        var plan = UpdatePlanner.Plan(Stack("dev"), Stack("dev"));
        Assert.True(plan.IsEmpty);
        Assert.Empty(plan.ChangedSettings);
        Assert.Equal("", plan.ConfigurationDiff);
    }

    [Theory]
    [InlineData("realtime:sseReadTimeout", "2h", "proxy_read_timeout 7200s;")]
    [InlineData("realtime:workerShutdownTimeout", "20m", "worker_shutdown_timeout 1200s;")]
    [InlineData("realtime:gzipLevel", "6", "gzip_comp_level 6;")]
    public void Docker_a_configuration_change_is_a_reload_that_keeps_streams(string key, string value, string added)
    {
        var plan = Change("dev", (key, value));
        var change = Assert.Single(plan.Changes);
        Assert.Equal(UpdateAction.Reload, change.Action);
        Assert.Equal(StreamEffect.KeptUntilShutdownTimeout, change.Streams);
        Assert.False(plan.CutsStreams);
        Assert.Contains(plan.ConfigurationDiff.Split('\n'), line => line.StartsWith('+') && line.Contains(added));
    }

    [Fact]
    public void Docker_a_new_certificate_is_a_reload()
    {
        var before = Stack("dev");
        var plan = UpdatePlanner.Plan(before, SettingChanges.For(before).Single(c => c.Setting.StartsWith(EdgeConfigKeys.TlsCert.FullName)).ApplyTo(before));
        Assert.Equal(UpdateAction.Reload, Assert.Single(plan.Changes).Action);
    }

    [Theory]
    [InlineData("realtime:httpsPort", "8444", "ports")]
    [InlineData("realtime:nginxVersion", "1.27.5", "image")]
    [InlineData("realtime:maxStreams", "20000", "nofile")]
    [InlineData("realtime:maxStreams", "20000", "somaxconn 10000 → 20000")]
    public void Docker_what_the_container_is_made_of_replaces_it_and_cuts_streams(string key, string value, string named)
    {
        var plan = Change("dev", (key, value));
        var change = Assert.Single(plan.Changes);
        Assert.Equal(UpdateAction.ReplaceEdge, change.Action);
        Assert.Equal(StreamEffect.Cut, change.Streams);
        Assert.Contains(named, change.Detail);
        Assert.True(plan.CutsStreams);
    }

    [Fact]
    public void Docker_one_more_server_adds_a_container_and_reloads()
    {
        var plan = Change("dev", ("realtime:apiServers", "api-1:9000,api-2:9001,api-3:9002"));
        Assert.Equal([UpdateAction.Reload, UpdateAction.AddBackends], plan.Changes.Select(c => c.Action));
        Assert.Contains("api-3", plan.Changes[1].Subject);
        Assert.False(plan.CutsStreams);
    }

    [Theory]
    [InlineData("1.28.0", "upstream resolve")]
    [InlineData("1.22.1", "reloaded")]
    public void Docker_a_new_backend_image_replaces_the_backends_and_says_how_nginx_follows(string nginxVersion, string follows)
    {
        var before = Stack("dev");
        before["realtime:nginxVersion"] = nginxVersion;
        before["realtime:backendImage"] = "registry.example.com/realtime/backend:1.0.0";
        var after = new Dictionary<string, string>(before) { ["realtime:backendImage"] = "registry.example.com/realtime/backend:2.0.0" };
        var change = Assert.Single(UpdatePlanner.Plan(before, after).Changes);
        Assert.Equal(UpdateAction.ReplaceBackends, change.Action);
        Assert.Equal(StreamEffect.Cut, change.Streams);
        Assert.Contains(follows, change.Detail);
    }

    [Fact]
    public void Kubernetes_a_timeout_reloads_inside_the_controller_pods()
    {
        var change = Assert.Single(Change("k8s", ("realtime:sseReadTimeout", "2h")).Changes);
        Assert.Equal(UpdateAction.Reload, change.Action);
        Assert.Equal("controller configuration", change.Subject);
    }

    [Fact]
    public void Kubernetes_a_longer_shutdown_timeout_rolls_the_controller_pods_and_drains_them()
    {
        var plan = Change("k8s", ("realtime:workerShutdownTimeout", "20m"));
        Assert.Contains(plan.Changes, c => c is { Action: UpdateAction.RollController, Streams: StreamEffect.Drained });
        Assert.False(plan.CutsStreams);
    }

    [Fact]
    public void Kubernetes_scaling_up_keeps_streams_and_scaling_down_drains_them()
    {
        Assert.Equal(StreamEffect.Kept, Assert.Single(Change("k8s", ("realtime:proxyReplicas", "3")).Changes).Streams);
        var down = Assert.Single(Change("k8s", ("realtime:apiReplicas", "1")).Changes);
        Assert.Equal((UpdateAction.ScaleBackends, StreamEffect.Drained), (down.Action, down.Streams));
    }

    [Fact]
    public void Kubernetes_the_affinity_timeout_updates_the_services_in_place()
    {
        var plan = Change("k8s", ("realtime:affinityTimeout", "1h"));
        Assert.All(plan.Changes, c => Assert.Equal((UpdateAction.ConfigureBackends, StreamEffect.Kept), (c.Action, c.Streams)));
        Assert.Equal(3, plan.Changes.Count);
    }

    [Theory]
    [InlineData("realtime:namespace", "realtime-next")]
    [InlineData("realtime:mode", "docker")]
    public void Kubernetes_another_namespace_or_mode_replaces_everything(string key, string value)
    {
        var before = Stack("k8s");
        var row = SettingChanges.For(before).Single(c => c.Setting == key);
        Assert.Equal(value, row.Values[key]);
        var change = Assert.Single(UpdatePlanner.Plan(before, row.ApplyTo(before)).Changes);
        Assert.Equal((UpdateAction.ReplaceAll, StreamEffect.Cut), (change.Action, change.Streams));
    }

    [Fact]
    public void Kubernetes_a_backend_pod_template_change_rolls_the_backends()
    {
        var plan = Change("k8s", ("realtime:backendImage", "registry.example.com/realtime/backend:2.0.0"));
        Assert.Equal(3, plan.Changes.Count(c => c is { Action: UpdateAction.RollBackends, Streams: StreamEffect.Drained }));
    }

    [Fact]
    public void Bad_input_is_refused_with_the_key()
    {
        var e = Assert.Throws<RealtimeStack.Edge.Model.EdgeConfigException>(() => Change("dev", ("realtime:sseReadTimeout", "forever")));
        Assert.Contains("realtime:sseReadTimeout", e.Message);
    }
}
