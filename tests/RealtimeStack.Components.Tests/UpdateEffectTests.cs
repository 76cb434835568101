using System.Collections;
using System.Text;
using RealtimeStack.Edge.Changes;
using RealtimeStack.Edge.Configuration;
using RealtimeStack.Components.Tests.Support;
using RealtimeStack.Edge.Model;

namespace RealtimeStack.Components.Tests;

/// <summary>
/// The change model against the resources: for every setting changed alone on the dev (docker), k8s and gateway stacks,
/// the resources whose inputs change under mocks are exactly those the planned changes act on. Above all, a
/// change the model applies by reload leaves the nginx container's inputs untouched (a change there replaces it).
/// </summary>
public sealed class UpdateEffectTests
{
    /// <summary>What a resource is, for comparing with the plan; components are not compared (they do nothing themselves).</summary>
    private enum Kind { NginxContainer, NginxImage, ReloadCommand, BackendContainers, BackendImage, Network, StatusVolume, GeneratedCertificate, NameSuffix, ControllerRelease, Namespaces, BackendDeployments, BackendServices, BackendDisruptionBudgets, Ingresses, TlsSecret, MetricsExporter, MetricsMonitor, Crds, GatewayClass, EnvoyProxy, Listeners, Routes }

    /// <summary>Every setting changed alone on each stack, but those the stack's mode refuses (see <see cref="RefusedChange"/>).</summary>
    public static TheoryData<string, string> EveryChange => Changes(refused: false);

    /// <summary>The settings a stack's mode refuses to change (a per-client limit in gateway mode, …).</summary>
    public static TheoryData<string, string> RefusedChange => Changes(refused: true);

    private static TheoryData<string, string> Changes(bool refused)
    {
        var data = new TheoryData<string, string>();
        foreach (var stack in new[] { "dev", "k8s", "gateway" })
        {
            var values = StackConfig.FromStackFile(stack);
            foreach (var change in SettingChanges.For(values).Where(c => SettingChanges.Refused(values, c.Setting) is not null == refused))
                data.Add(stack, change.Setting);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(RefusedChange))]
    public void A_refused_change_is_refused_by_the_model_with_its_rule(string stack, string setting)
    {
        var before = StackConfig.FromStackFile(stack);
        var after = SettingChanges.For(before).Single(c => c.Setting == setting).ApplyTo(before);
        var errors = Assert.Throws<Edge.Model.EdgeConfigException>(() => StackModel.Bind(after)).Errors;
        Assert.Contains(errors, e => e.Rule == SettingChanges.Refused(before, setting));
    }

    [Theory]
    [MemberData(nameof(EveryChange))]
    public async Task Changing_a_setting_alone_changes_exactly_the_resources_the_change_model_names(string stack, string setting)
    {
        var before = StackConfig.FromStackFile(stack);
        var after = SettingChanges.For(before).Single(c => c.Setting == setting).ApplyTo(before);
        var plan = UpdatePlanner.Plan(before, after);

        var changed = Changed(await Registered(before), await Registered(after));

        var (required, allowed) = Expected(plan);
        var report = $"plan: [{string.Join("; ", plan.Changes)}]\nchanged: [{string.Join(", ", changed)}]";
        Assert.True(required.IsSubsetOf(changed), $"missing changes {string.Join(", ", required.Except(changed))}\n{report}");
        Assert.True(changed.IsSubsetOf(allowed), $"changes the plan does not name: {string.Join(", ", changed.Except(allowed))}\n{report}");
        if (plan.IsEmpty) Assert.Empty(changed);
    }

    /// <summary>The changes of settings that are not plain: neither a <see cref="ResourceShape"/> key nor the presence of
    /// an image or a certificate, which decide the resources too.</summary>
    public static TheoryData<string, string> ValueChange
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var row in EveryChange)
            {
                var (stack, setting) = ((string)row[0], (string)row[1]);
                var key = ConfigKey.Find(setting.Split(' ')[0])!;
                if (!ResourceShape.Decides(key) && key != DeploymentConfigKeys.BackendImage && !key.Secret) data.Add(stack, setting);
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(ValueChange))]
    public async Task Only_the_plain_settings_decide_which_resources_exist(string stack, string setting)
    {
        var before = StackConfig.FromStackFile(stack);
        var after = SettingChanges.For(before).Single(c => c.Setting == setting).ApplyTo(before);
        Assert.Equal((await Registered(before)).Keys.Order(), (await Registered(after)).Keys.Order());
    }

    /// <summary>The kinds each planned change must touch, and those it may touch beside them.</summary>
    private static (HashSet<Kind> Required, HashSet<Kind> Allowed) Expected(UpdatePlan plan)
    {
        var required = new HashSet<Kind>();
        var allowed = new HashSet<Kind>();
        foreach (var change in plan.Changes)
        {
            var (must, may) = (plan.Mode, change.Action) switch
            {
                (_, UpdateAction.ReplaceAll) => (Array.Empty<Kind>(), Enum.GetValues<Kind>()),
                (EdgeMode.Docker, UpdateAction.Reload) => ([Kind.ReloadCommand], [Kind.GeneratedCertificate]),
                (EdgeMode.Docker, UpdateAction.ReplaceEdge) => ([Kind.NginxContainer], [Kind.NginxImage, Kind.ReloadCommand]),
                (EdgeMode.Docker, UpdateAction.AddBackends or UpdateAction.ReplaceBackends) => ([Kind.BackendContainers], [Kind.BackendImage, Kind.ReloadCommand]),
                (EdgeMode.Kubernetes, UpdateAction.Reload) => ([], [Kind.ControllerRelease, Kind.Ingresses, Kind.TlsSecret, Kind.GeneratedCertificate]),
                (EdgeMode.Kubernetes, UpdateAction.ReplaceEdge or UpdateAction.RollController or UpdateAction.ScaleController) => ([Kind.ControllerRelease], [Kind.Namespaces, Kind.Ingresses]),
                (EdgeMode.Kubernetes or EdgeMode.Gateway, UpdateAction.RollBackends or UpdateAction.ScaleBackends) => ([Kind.BackendDeployments], [Kind.BackendDisruptionBudgets, Kind.BackendServices]),
                (EdgeMode.Kubernetes or EdgeMode.Gateway, UpdateAction.ConfigureBackends) => ([Kind.BackendServices], []),
                (EdgeMode.Gateway, UpdateAction.ReplaceEdge) => ([Kind.ControllerRelease, Kind.GatewayClass, Kind.EnvoyProxy], [Kind.Listeners]),
                (EdgeMode.Gateway, UpdateAction.RollController or UpdateAction.ScaleController) => ([Kind.EnvoyProxy], []),
                (EdgeMode.Gateway, UpdateAction.ChangeCrdOwner) => ([Kind.Crds], []),
                // Listeners (the Gateway, the ClientTrafficPolicy) apart from routes, policies and the certificate.
                (EdgeMode.Gateway, UpdateAction.UpdateProxies) when change.Subject == UpdatePlanner.GatewayListeners => ([Kind.Listeners], []),
                (EdgeMode.Gateway, UpdateAction.UpdateProxies) => ([], [Kind.Routes, Kind.TlsSecret, Kind.GeneratedCertificate]),
                (EdgeMode.Docker, UpdateAction.ConfigureMonitoring) => ([Kind.MetricsExporter], []),
                (EdgeMode.Kubernetes or EdgeMode.Gateway, UpdateAction.ConfigureMonitoring) => ([Kind.MetricsMonitor], []),
                _ => throw new InvalidOperationException($"{plan.Mode} mode does not plan {change.Action}"),
            };
            required.UnionWith(must);
            allowed.UnionWith(must);
            allowed.UnionWith(may);
        }
        return (required, allowed);
    }

    private static async Task<Dictionary<(string Type, string Name), string>> Registered(IReadOnlyDictionary<string, string> config)
    {
        var run = await PulumiRun.OfStackAsync(config, [.. SettingChanges.SecretKeys.Where(config.ContainsKey)]);
        return run.Mocks.Registered
            .Where(r => !r.Type!.StartsWith("realtime:", StringComparison.Ordinal))
            .ToDictionary(r => (r.Type!, r.Name!), r => Canonical(r.Inputs));
    }

    private static HashSet<Kind> Changed(Dictionary<(string Type, string Name), string> before, Dictionary<(string Type, string Name), string> after) =>
        before.Keys.Union(after.Keys)
            .Where(k => !before.TryGetValue(k, out var b) || !after.TryGetValue(k, out var a) || a != b)
            .Select(k => Classify(k.Type, k.Name))
            .ToHashSet();

    private static Kind Classify(string type, string name) => type switch
    {
        "docker:index/container:Container" when name.EndsWith("-nginx", StringComparison.Ordinal) => Kind.NginxContainer,
        "docker:index/container:Container" or "docker:index/remoteImage:RemoteImage" when name.EndsWith("-exporter", StringComparison.Ordinal) || name.EndsWith("-exporter-image", StringComparison.Ordinal) => Kind.MetricsExporter,
        "docker:index/container:Container" => Kind.BackendContainers,
        "docker:index/remoteImage:RemoteImage" when name.EndsWith("-nginx-image", StringComparison.Ordinal) => Kind.NginxImage,
        "docker:index/remoteImage:RemoteImage" => Kind.BackendImage,
        "docker:index/network:Network" => Kind.Network,
        "docker:index/volume:Volume" => Kind.StatusVolume,
        "command:local:Command" => Kind.ReloadCommand,
        "tls:index/privateKey:PrivateKey" or "tls:index/selfSignedCert:SelfSignedCert" => Kind.GeneratedCertificate,
        "random:index/randomString:RandomString" => Kind.NameSuffix,
        "kubernetes:helm.sh/v3:Release" => Kind.ControllerRelease,
        "kubernetes:core/v1:Namespace" => Kind.Namespaces,
        "kubernetes:apps/v1:Deployment" => Kind.BackendDeployments,
        "kubernetes:core/v1:Service" => Kind.BackendServices,
        "kubernetes:policy/v1:PodDisruptionBudget" => Kind.BackendDisruptionBudgets,
        "kubernetes:networking.k8s.io/v1:Ingress" => Kind.Ingresses,
        "kubernetes:core/v1:Secret" => Kind.TlsSecret,
        "kubernetes:monitoring.coreos.com/v1:ServiceMonitor" or "kubernetes:monitoring.coreos.com/v1:PodMonitor" => Kind.MetricsMonitor,
        "kubernetes:helm.sh/v4:Chart" or "kubernetes:apiextensions.k8s.io/v1:CustomResourceDefinition" => Kind.Crds,
        "kubernetes:gateway.networking.k8s.io/v1:GatewayClass" => Kind.GatewayClass,
        "kubernetes:gateway.envoyproxy.io/v1alpha1:EnvoyProxy" => Kind.EnvoyProxy,
        "kubernetes:gateway.networking.k8s.io/v1:Gateway" or "kubernetes:gateway.envoyproxy.io/v1alpha1:ClientTrafficPolicy" => Kind.Listeners,
        "kubernetes:gateway.networking.k8s.io/v1:HTTPRoute" or "kubernetes:gateway.envoyproxy.io/v1alpha1:BackendTrafficPolicy" => Kind.Routes,
        _ => throw new InvalidOperationException($"no kind for {type} {name}: classify it"),
    };

    /// <summary>Inputs as text with map keys sorted, so equal inputs compare equal.</summary>
    private static string Canonical(object? value)
    {
        var text = new StringBuilder();
        Write(value, text);
        return text.ToString();

        static void Write(object? value, StringBuilder text)
        {
            switch (value)
            {
                case null: text.Append("null"); break;
                case string s: text.Append('"').Append(s).Append('"'); break;
                case IDictionary map:
                    text.Append('{');
                    foreach (var key in map.Keys.Cast<object>().Select(k => k.ToString()!).Order(StringComparer.Ordinal))
                    {
                        text.Append(key).Append(':');
                        Write(map[key], text);
                        text.Append(',');
                    }
                    text.Append('}');
                    break;
                case IEnumerable items:
                    text.Append('[');
                    foreach (var item in items) { Write(item, text); text.Append(','); }
                    text.Append(']');
                    break;
                default: text.Append(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)); break;
            }
        }
    }
}
