using Pulumi;

namespace RealtimeStack.Components.Cluster;

/// <summary>Arguments of <see cref="TlsSecret"/>. The key is taken as a secret whatever the caller passes.</summary>
internal sealed class TlsSecretArgs : ResourceArgs
{
    [Input("namespace", required: true)]
    public required Input<string> Namespace { get; init; }

    [Input("certificatePem", required: true)]
    public required Input<string> CertificatePem { get; init; }

    [Input("privateKeyPem", required: true)]
    public required Input<string> PrivateKeyPem { get; init; }
}
