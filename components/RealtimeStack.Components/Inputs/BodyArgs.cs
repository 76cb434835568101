using System.ComponentModel;
using Pulumi;

namespace RealtimeStack.Components.Inputs;

[Description("Request body limits.")]
public sealed class BodyArgs : ResourceArgs
{
    [Input("maxSize")]
    public Input<string>? MaxSize { get; set; }

    [Input("bufferSize")]
    public Input<string>? BufferSize { get; set; }
}
