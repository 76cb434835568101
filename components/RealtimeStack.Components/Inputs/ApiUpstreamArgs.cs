using System.ComponentModel;
using Pulumi;

namespace RealtimeStack.Components.Inputs;

[Description("The API pool: round-robin, with idle upstream connections kept.")]
public sealed class ApiUpstreamArgs : ResourceArgs
{
    /// <summary>Plain (known when the edge is constructed): in docker mode each server is a backend container.</summary>
    [Input("servers")]
    public string[]? Servers { get; set; }

    [Input("keepalive")]
    public Input<int>? Keepalive { get; set; }
}
