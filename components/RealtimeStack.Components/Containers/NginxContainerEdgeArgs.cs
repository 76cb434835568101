using Pulumi;
using RealtimeStack.Components.Inputs;
using RealtimeStack.Edge.Model;
using RealtimeStack.Edge.Configuration;

namespace RealtimeStack.Components.Containers;

/// <summary>Arguments of <see cref="NginxContainerEdge"/>.</summary>
internal sealed class NginxContainerEdgeArgs : ResourceArgs
{
    /// <summary>The edge of the plain inputs: which containers exist and their names.</summary>
    public required EdgeSpec Shape { get; init; }

    /// <summary>Every value of the containers and of nginx.conf.</summary>
    public required Output<StackModel> Model { get; init; }

    [Input("certificatePem", required: true)]
    public required Input<string> CertificatePem { get; init; }

    /// <summary>Taken as a secret whatever the caller passes.</summary>
    [Input("privateKeyPem", required: true)]
    public required Input<string> PrivateKeyPem { get; init; }

    /// <summary>The backends' image; null builds it as <see cref="Build"/> says.</summary>
    [Input("backendImage")]
    public Input<string>? BackendImage { get; init; }

    [Input("backendBuild")]
    public BackendBuildArgs? Build { get; init; }

    /// <summary>Prefix of every Docker object's name, unique on the engine.</summary>
    [Input("namePrefix", required: true)]
    public required Input<string> NamePrefix { get; init; }
}
