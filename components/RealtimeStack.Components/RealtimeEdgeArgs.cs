using Pulumi;
using RealtimeStack.Components.Inputs;

namespace RealtimeStack.Components;

/// <summary>
/// Inputs of <see cref="RealtimeEdge"/>; durations and sizes are nginx strings ("1h", "10m"). Each input maps to one
/// <c>realtime:*</c> stack setting, whose meaning and default the configuration reference lists by input path
/// (<c>routes.sse.readTimeout</c>). The inputs that decide which resources exist (mode, the docker server lists,
/// metrics, metricsMonitor, gatewayCrds, redirectHttp, gatewayClass) are plain C# values, known when the edge is
/// constructed, so a preview shows every resource; every other input takes a plain value or an Output of another
/// resource or StackReference. Required: <see cref="Domain"/>; in kubernetes and gateway mode
/// <see cref="BackendImage"/>; in docker mode (the default) the three server lists and a backend image or build.
/// </summary>
public sealed class RealtimeEdgeArgs : ResourceArgs
{
    [Input("domain", required: true)]
    public required Input<string> Domain { get; set; }

    [Input("aliases")]
    public InputList<string>? Aliases { get; set; }

    /// <summary>Plain (known when the edge is constructed): it decides which resources exist.</summary>
    [Input("mode")]
    public string? Mode { get; set; }

    [Input("nginxVersion")]
    public Input<string>? NginxVersion { get; set; }

    [Input("backendImage")]
    public Input<string>? BackendImage { get; set; }

    [Input("listen")]
    public ListenArgs? Listen { get; set; }

    [Input("clients")]
    public ClientsArgs? Clients { get; set; }

    [Input("tls")]
    public TlsArgs? Tls { get; set; }

    [Input("upstreams")]
    public UpstreamsArgs? Upstreams { get; set; }

    [Input("routes")]
    public RoutesArgs? Routes { get; set; }

    [Input("body")]
    public BodyArgs? Body { get; set; }

    [Input("gzip")]
    public GzipArgs? Gzip { get; set; }

    [Input("limits")]
    public LimitsArgs? Limits { get; set; }

    [Input("metrics")]
    public MetricsArgs? Metrics { get; set; }

    [Input("capacity")]
    public CapacityArgs? Capacity { get; set; }

    [Input("kubernetes")]
    public KubernetesArgs? Kubernetes { get; set; }

    [Input("backendBuild")]
    public BackendBuildArgs? BackendBuild { get; set; }

    /// <summary>
    /// Args from flat <c>realtime:*</c> values as a stack's configuration spells them (lists comma-separated). The edge
    /// binds them once, as it binds typed inputs, and names errors by these keys. Certificate, key and
    /// <see cref="BackendBuild"/> are set on the result as usual.
    /// </summary>
    public static RealtimeEdgeArgs FromSettings(IReadOnlyDictionary<string, string> values) =>
        new()
        {
            // Registered with the component (the one required input); the edge reads every setting from StackSettings.
            Domain = values.GetValueOrDefault(Edge.Configuration.EdgeConfigKeys.Domain.FullName) ?? "",
            StackSettings = new Dictionary<string, string>(values, StringComparer.Ordinal),
        };

    /// <summary>The flat settings <see cref="FromSettings"/> was given: then the typed inputs are unset, and errors name
    /// the stack's keys.</summary>
    internal IReadOnlyDictionary<string, string>? StackSettings { get; private init; }
}
