using System.ComponentModel;
using Pulumi;

namespace RealtimeStack.Components.Inputs;

[Description("The backend pools and how streams are pinned to one of their servers.")]
public sealed class UpstreamsArgs : ResourceArgs
{
    [Input("api")]
    public ApiUpstreamArgs? Api { get; set; }

    [Input("sse")]
    public SseUpstreamArgs? Sse { get; set; }

    [Input("ws")]
    public WsUpstreamArgs? Ws { get; set; }

    [Input("stickiness")]
    public Input<string>? Stickiness { get; set; }

    [Input("failTimeout")]
    public Input<string>? FailTimeout { get; set; }
}
