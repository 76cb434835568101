using System.ComponentModel;
using Pulumi;

namespace RealtimeStack.Components.Inputs;

[Description("Timeouts of the /api/, /sse/ and /ws/ routes, and the stream routes' proxy buffer.")]
public sealed class RoutesArgs : ResourceArgs
{
    [Input("connectTimeout")]
    public Input<string>? ConnectTimeout { get; set; }

    [Input("streamBufferSize")]
    public Input<string>? StreamBufferSize { get; set; }

    [Input("api")]
    public ApiRouteArgs? Api { get; set; }

    [Input("sse")]
    public SseRouteArgs? Sse { get; set; }

    [Input("ws")]
    public WsRouteArgs? Ws { get; set; }
}
