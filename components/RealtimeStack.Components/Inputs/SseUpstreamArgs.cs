using System.ComponentModel;
using Pulumi;

namespace RealtimeStack.Components.Inputs;

[Description("The SSE pool.")]
public sealed class SseUpstreamArgs : ResourceArgs
{
    [Input("servers")]
    public InputList<string>? Servers { get; set; }
}
