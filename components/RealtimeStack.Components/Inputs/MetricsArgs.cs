using System.ComponentModel;
using Pulumi;

namespace RealtimeStack.Components.Inputs;

[Description("nginx's connection counters for metrics and edge status, on a listener that is never public.")]
public sealed class MetricsArgs : ResourceArgs
{
    /// <summary>Plain (known when the edge is constructed): it decides whether the exporter container exists.</summary>
    [Input("enabled")]
    public bool? Enabled { get; set; }

    [Input("statusPort")]
    public Input<int>? StatusPort { get; set; }

    [Input("exporterHostPort")]
    public Input<int>? ExporterHostPort { get; set; }
}
