using System.ComponentModel;
using Pulumi;

namespace RealtimeStack.Components.Inputs;

[Description("The WebSocket pool.")]
public sealed class WsUpstreamArgs : ResourceArgs
{
    [Input("servers")]
    public InputList<string>? Servers { get; set; }
}
