
namespace RealtimeStack.Edge.Configuration;

/// <summary>
/// The settings that decide which resources a stack has, not only what they hold: the mode; in docker mode the
/// upstream server lists (one container per server, named after it); metrics (docker's exporter container) and the
/// ServiceMonitor or PodMonitor; the Gateway API CRDs installed or read; the HTTPS redirect (gateway mode's redirect
/// route); and the GatewayClass, whose objects are named after it. A component takes them as plain values, so that a
/// preview shows every resource whatever else is still unknown; everything else may be an Output.
/// </summary>
public static class ResourceShape
{
    public static IReadOnlyList<ConfigKey> Keys { get; } =
    [
        DeploymentConfigKeys.Mode,
        EdgeConfigKeys.ApiServers, EdgeConfigKeys.SseServers, EdgeConfigKeys.WsServers,
        EdgeConfigKeys.Metrics, DeploymentConfigKeys.MetricsMonitor,
        DeploymentConfigKeys.GatewayCrds,
        EdgeConfigKeys.RedirectHttp,
        DeploymentConfigKeys.GatewayClass,
    ];

    public static bool Decides(ConfigKey key) => Keys.Contains(key);

    /// <summary>
    /// The model of the plain settings alone (every other setting a placeholder): which resources exist, and their
    /// names. <paramref name="givenNotPlain"/> are the other settings that have a value, not known yet.
    /// Throws <see cref="Model.EdgeConfigException"/> with the errors of the plain settings.
    /// </summary>
    public static StackModel Bind(IReadOnlyDictionary<string, string> plain, IEnumerable<ConfigKey> givenNotPlain)
    {
        var given = givenNotPlain.ToHashSet();
        // A setting that is not given takes its default, as it will in the whole model: that is known now too.
        var unknown = ConfigKey.All.Where(k => !k.Secret && given.Contains(k));
        var partial = PartialModel.Bind(plain, unknown);
        return partial.Model ?? throw new InvalidOperationException(
            "the placeholders of the non-plain settings do not bind beside the plain ones: " + string.Join(", ", partial.Unknown));
    }
}
