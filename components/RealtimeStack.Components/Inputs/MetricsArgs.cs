using System.ComponentModel;
using Pulumi;

namespace RealtimeStack.Components.Inputs;

[Description("nginx's connection counters for metrics and edge status, on a listener that is never public.")]
public sealed class MetricsArgs : ResourceArgs
{
    [Input("enabled")]
    public Input<bool>? Enabled { get; set; }

    [Input("statusPort")]
    public Input<int>? StatusPort { get; set; }

    [Input("exporterHostPort")]
    public Input<int>? ExporterHostPort { get; set; }
}
