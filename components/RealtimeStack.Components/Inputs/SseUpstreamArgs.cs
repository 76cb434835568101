using System.ComponentModel;
using Pulumi;

namespace RealtimeStack.Components.Inputs;

[Description("The SSE pool.")]
public sealed class SseUpstreamArgs : ResourceArgs
{
    /// <summary>Plain (known when the edge is constructed): in docker mode each server is a backend container.</summary>
    [Input("servers")]
    public string[]? Servers { get; set; }
}
