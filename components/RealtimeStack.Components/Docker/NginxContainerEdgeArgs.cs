using Pulumi;
using RealtimeStack.Edge.Model;

namespace RealtimeStack.Components.Docker;

/// <summary>Arguments of <see cref="NginxContainerEdge"/>.</summary>
public sealed class NginxContainerEdgeArgs : ResourceArgs
{
    public required EdgeSpec Edge { get; init; }

    [Input("certificatePem", required: true)]
    public required Input<string> CertificatePem { get; init; }

    /// <summary>Taken as a secret whatever the caller passes.</summary>
    [Input("privateKeyPem", required: true)]
    public required Input<string> PrivateKeyPem { get; init; }

    /// <summary>The backends' image; null builds the sample backends from <see cref="BuildContext"/>.</summary>
    [Input("backendImage")]
    public Input<string>? BackendImage { get; init; }

    /// <summary>The repository root (Docker build context of the sample backends).</summary>
    [Input("buildContext")]
    public Input<string>? BuildContext { get; init; }

    /// <summary>Hash of the sample backends' sources: the image is rebuilt when it changes, and only then.</summary>
    [Input("backendSourceHash")]
    public Input<string>? BackendSourceHash { get; init; }

    /// <summary>Prefix of every Docker object's name, unique on the engine.</summary>
    [Input("namePrefix", required: true)]
    public required Input<string> NamePrefix { get; init; }
}
