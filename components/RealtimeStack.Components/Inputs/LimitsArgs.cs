using System.ComponentModel;
using Pulumi;

namespace RealtimeStack.Components.Inputs;

[Description("What one client may take: streams per address, an API request rate, and how slowly it may send a request.")]
public sealed class LimitsArgs : ResourceArgs
{
    [Input("streamsPerClient")]
    public Input<int>? StreamsPerClient { get; set; }

    [Input("apiRequestsPerClient")]
    public Input<int>? ApiRequestsPerClient { get; set; }

    [Input("apiRate")]
    public Input<string>? ApiRate { get; set; }

    [Input("apiBurst")]
    public Input<int>? ApiBurst { get; set; }

    [Input("headerTimeout")]
    public Input<string>? HeaderTimeout { get; set; }

    [Input("bodyTimeout")]
    public Input<string>? BodyTimeout { get; set; }

    [Input("largeHeaderBufferSize")]
    public Input<string>? LargeHeaderBufferSize { get; set; }
}
