using Pulumi;
using RealtimeStack.Edge.Deployment;

namespace RealtimeStack.Components;

/// <summary>
/// Arguments of <see cref="RealtimeEdge"/>: the stack's model, and the certificate. Without a certificate a
/// self-signed one is generated (<see cref="DevCertificate"/>).
/// </summary>
public sealed class RealtimeEdgeArgs : ResourceArgs
{
    public required StackModel Model { get; init; }

    [Input("mode", required: true)]
    public Input<string> Mode => Model.Deployment.Mode.ToString().ToLowerInvariant();

    [Input("hosts", required: true)]
    public InputList<string> Hosts => Model.Edge.ServerNames.Select(n => n.Value).ToArray();

    [Input("certificatePem")]
    public Input<string>? CertificatePem { get; init; }

    /// <summary>Taken as a secret whatever the caller passes.</summary>
    [Input("privateKeyPem")]
    public Input<string>? PrivateKeyPem { get; init; }

    /// <summary>Repository root: the build context of the sample backends in docker mode without backendImage.</summary>
    [Input("buildContext")]
    public Input<string>? BuildContext { get; init; }

    /// <summary>See <see cref="Docker.NginxContainerEdgeArgs.BackendSourceHash"/>.</summary>
    [Input("backendSourceHash")]
    public Input<string>? BackendSourceHash { get; init; }
}
