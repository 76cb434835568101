using System.Text.RegularExpressions;
using RealtimeStack.Edge.Model;
using K = RealtimeStack.Edge.Configuration.DeploymentConfigKeys;

namespace RealtimeStack.Edge.Configuration;

/// <summary>Binds the deployment keys, reporting every error with its key and rule, like <see cref="EdgeConfigBinder"/>.</summary>
public static partial class DeploymentConfigBinder
{
    public static DeploymentSpec Bind(IReadOnlyDictionary<string, string> values)
    {
        var errors = new Errors();
        var config = new FlatConfig(values, errors);
        var mode = config.Get(K.Mode, ParseMode);
        string? image = config.Raw(K.BackendImage) is { Length: > 0 } raw ? errors.Take(ParseImage(K.BackendImage.FullName, raw), "") : null;
        if (image is "") image = null;
        if (mode is EdgeMode.Kubernetes or EdgeMode.Gateway && image is null && !errors.Items.Any(e => e.Key == K.BackendImage.FullName))
            errors.Add(K.BackendImage.FullName, $"is required in {mode.ToString().ToLowerInvariant()} mode: push the backend image to a registry the cluster can pull from");
        var spec = new DeploymentSpec(
            mode,
            image,
            config.Get(K.Namespace, (k, r) => ParseDnsLabel(k, r)),
            config.Get(K.IngressClass, (k, r) => ParseDnsLabel(k, r)),
            config.Get(K.GatewayClass, (k, r) => ParseDnsLabel(k, r)),
            config.Get(K.GatewayCrds, ParseGatewayCrds),
            config.GetInt(K.ProxyReplicas, 1, 100),
            new Dictionary<BackendRole, int>
            {
                [BackendRole.Api] = config.GetInt(K.ApiReplicas, 1, 1000),
                [BackendRole.Sse] = config.GetInt(K.SseReplicas, 1, 1000),
                [BackendRole.Ws] = config.GetInt(K.WsReplicas, 1, 1000),
            },
            config.Get(K.BackendPort, Port.Parse),
            config.Get(K.DrainDelay, (k, r) => Duration.Parse(k, r, TimeSpan.Zero, TimeSpan.FromMinutes(10))),
            config.Get(K.BackendGracePeriod, (k, r) => Duration.Parse(k, r, TimeSpan.FromSeconds(1), TimeSpan.FromHours(2))),
            config.Get(K.AffinityTimeout, (k, r) => Duration.Parse(k, r, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(86400))),
            BindMonitoring(config, errors));
        if (spec.BackendGracePeriod.Value <= spec.DrainDelay.Value)
            errors.Add(K.BackendGracePeriod.FullName, $"must be longer than {K.DrainDelay.FullName} ({spec.DrainDelay}), or pods are killed while still draining");
        errors.ThrowIfAny();
        return spec;
    }

    private static MonitoringSpec BindMonitoring(FlatConfig config, Errors errors)
    {
        var labels = config.GetList(K.MetricsMonitorLabels, KubernetesLabel.Parse, allowEmpty: true);
        foreach (var twice in labels.GroupBy(l => l.Key).Where(g => g.Count() > 1))
            errors.Add(K.MetricsMonitorLabels.FullName, $"the label '{twice.Key}' is given {twice.Count()} times");
        return new MonitoringSpec(config.GetInt(K.MetricsHostPort, 0, 65535), config.GetBool(K.MetricsMonitor), labels);
    }

    private static Parsed<EdgeMode> ParseMode(string key, string raw) => raw switch
    {
        StackModes.Docker => Parsed<EdgeMode>.Success(EdgeMode.Docker),
        StackModes.Kubernetes => Parsed<EdgeMode>.Success(EdgeMode.Kubernetes),
        StackModes.Gateway => Parsed<EdgeMode>.Success(EdgeMode.Gateway),
        _ => Parsed<EdgeMode>.Fail(key, $"must be docker, kubernetes or gateway (got '{InputText.Shorten(raw)}')"),
    };

    private static Parsed<GatewayCrds> ParseGatewayCrds(string key, string raw) => raw switch
    {
        "install" => Parsed<GatewayCrds>.Success(GatewayCrds.Install),
        "external" => Parsed<GatewayCrds>.Success(GatewayCrds.External),
        _ => Parsed<GatewayCrds>.Fail(key, $"must be install or external (got '{InputText.Shorten(raw)}')"),
    };

    /// <summary>A Kubernetes name that is also a DNS label (RFC 1123): namespaces, IngressClass names.</summary>
    public static Parsed<string> ParseDnsLabel(string key, string raw)
    {
        if (Token.Check(raw, 63) is { } rule) return Parsed<string>.Fail(key, rule);
        return DnsLabel().IsMatch(raw)
            ? Parsed<string>.Success(raw)
            : Parsed<string>.Fail(key, $"'{raw}' must be lower-case letters, digits and inner hyphens (an RFC 1123 label)");
    }

    /// <summary>An image reference: [registry[:port]/]path[:tag][@sha256:digest].</summary>
    public static Parsed<string> ParseImage(string key, string raw)
    {
        if (Token.Check(raw, 255) is { } rule) return Parsed<string>.Fail(key, rule);
        return ImageReference().IsMatch(raw)
            ? Parsed<string>.Success(raw)
            : Parsed<string>.Fail(key, $"'{raw}' must be an image reference like registry.example.com/team/backend:1.2.3");
    }

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$")]
    private static partial Regex DnsLabel();

    [GeneratedRegex("^([a-z0-9.-]+(:[0-9]+)?/)?[a-z0-9]+([._-][a-z0-9]+)*(/[a-z0-9]+([._-][a-z0-9]+)*)*(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(@sha256:[a-f0-9]{64})?$")]
    private static partial Regex ImageReference();
}
