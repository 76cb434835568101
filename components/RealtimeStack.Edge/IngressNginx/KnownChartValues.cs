namespace RealtimeStack.Edge.IngressNginx;

/// <summary>
/// The value paths of the ingress-nginx chart (charts/ingress-nginx/values.yaml) this project sets, as they stand
/// in the chart. Helm ignores unknown keys silently, so a test holds <see cref="ControllerValues"/> to this list;
/// update both together when re-checking against a new chart.
/// </summary>
public static class KnownChartValues
{
    public static IReadOnlySet<string> Paths { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "controller.replicaCount",
        "controller.minAvailable",
        "controller.allowSnippetAnnotations",
        "controller.ingressClass",
        "controller.ingressClassResource.name",
        "controller.ingressClassResource.enabled",
        "controller.ingressClassResource.default",
        "controller.ingressClassResource.controllerValue",
        "controller.config",
        "controller.service.externalTrafficPolicy",
        "controller.terminationGracePeriodSeconds",
        "controller.extraArgs",
        "controller.metrics.enabled",
        "controller.metrics.port",
    };

    /// <summary>Maps whose keys are free-form in the chart (the ConfigMap): their children are not chart keys.</summary>
    public static IReadOnlySet<string> FreeFormMaps { get; } = new HashSet<string>(StringComparer.Ordinal) { "controller.config", "controller.extraArgs" };
}
