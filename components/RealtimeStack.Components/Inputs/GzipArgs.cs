using System.ComponentModel;
using Pulumi;

namespace RealtimeStack.Components.Inputs;

[Description("Compression of API responses (SSE and WebSocket are never compressed).")]
public sealed class GzipArgs : ResourceArgs
{
    [Input("enabled")]
    public Input<bool>? Enabled { get; set; }

    [Input("types")]
    public InputList<string>? Types { get; set; }

    [Input("minLength")]
    public Input<int>? MinLength { get; set; }

    [Input("level")]
    public Input<int>? Level { get; set; }
}
