using Pulumi;
using RealtimeStack.Components.Inputs;

namespace RealtimeStack.Components;

/// <summary>
/// Inputs of <see cref="RealtimeEdge"/>. Every input but <see cref="Domain"/> is optional; durations and sizes are
/// nginx strings ("1h", "10m"). Each input maps to one <c>realtime:*</c> stack setting, whose meaning and default
/// the configuration reference (README) lists by input path (<c>routes.sse.readTimeout</c>). Plain values and
/// Outputs of other resources or StackReferences are equally welcome.
/// </summary>
public sealed class RealtimeEdgeArgs : ResourceArgs
{
    [Input("domain", required: true)]
    public required Input<string> Domain { get; set; }

    [Input("aliases")]
    public InputList<string>? Aliases { get; set; }

    [Input("mode")]
    public Input<string>? Mode { get; set; }

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
    /// Args from flat <c>realtime:*</c> values as a stack's configuration spells them (validated first with the
    /// core's <c>StackModel.Bind</c>), each at its input path. Unset keys stay unset: the component's defaults apply.
    /// </summary>
    public static RealtimeEdgeArgs FromSettings(IReadOnlyDictionary<string, string> values) => EdgeInputs.FromSettings(values);
}
