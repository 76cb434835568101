using System.ComponentModel;
using Pulumi;

namespace RealtimeStack.Components.Inputs;

[Description("The API pool: round-robin, with idle upstream connections kept.")]
public sealed class ApiUpstreamArgs : ResourceArgs
{
    [Input("servers")]
    public InputList<string>? Servers { get; set; }

    [Input("keepalive")]
    public Input<int>? Keepalive { get; set; }
}
