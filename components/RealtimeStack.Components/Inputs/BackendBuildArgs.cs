using System.ComponentModel;
using Pulumi;

namespace RealtimeStack.Components.Inputs;

[Description("Docker mode without backendImage: the backends' image is built from a local Docker context.")]
public sealed class BackendBuildArgs : ResourceArgs
{
    [Input("context", required: true)]
    [Description("Directory sent to Docker as the build context.")]
    public required Input<string> Context { get; set; }

    [Input("dockerfile", required: true)]
    [Description("Path of the Dockerfile, relative to the context.")]
    public required Input<string> Dockerfile { get; set; }

    [Input("sourceHash")]
    [Description("A hash of the sources: the image is rebuilt when it changes, and only then. Unset: built once.")]
    public Input<string>? SourceHash { get; set; }
}
