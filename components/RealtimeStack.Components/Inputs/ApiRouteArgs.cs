using System.ComponentModel;
using Pulumi;

namespace RealtimeStack.Components.Inputs;

[Description("The /api/ route. Its timeouts: the longest gap between two reads or writes, not the life of a stream.")]
public sealed class ApiRouteArgs : ResourceArgs
{
    [Input("readTimeout")]
    public Input<string>? ReadTimeout { get; set; }

    [Input("sendTimeout")]
    public Input<string>? SendTimeout { get; set; }
}
