using System.ComponentModel;
using Pulumi;

namespace RealtimeStack.Components.Inputs;

[Description("Streams to hold and how long a reload keeps them.")]
public sealed class CapacityArgs : ResourceArgs
{
    [Input("maxStreams")]
    public Input<int>? MaxStreams { get; set; }

    [Input("workerProcesses")]
    public Input<string>? WorkerProcesses { get; set; }

    [Input("workerShutdownTimeout")]
    public Input<string>? WorkerShutdownTimeout { get; set; }
}
