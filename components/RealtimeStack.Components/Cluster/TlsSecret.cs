using Pulumi;
using Pulumi.Kubernetes.Types.Inputs.Core.V1;
using RealtimeStack.Edge.Cluster;

namespace RealtimeStack.Components.Cluster;

/// <summary>
/// The <c>kubernetes.io/tls</c> Secret the Ingress names (auto-named: replaced create-before-delete). The key is wrapped as a Pulumi secret before it reaches
/// the resource, so it is encrypted in state and never shown in a preview or a stack output.
/// </summary>
internal sealed class TlsSecret : ComponentResource
{
    [Output("secretName")]
    public Output<string> SecretName { get; private set; }

    public TlsSecret(string name, TlsSecretArgs args, ComponentResourceOptions? options = null)
        : base(ComponentTypes.TlsSecret, name, args, options)
    {
        var secret = new Pulumi.Kubernetes.Core.V1.Secret(name, new SecretArgs
        {
            // No fixed name: a new certificate replaces the Secret (its data cannot change in place), and an
            // auto-named Secret is created before the old one is deleted, so the Ingress never names a missing one.
            Metadata = new Pulumi.Kubernetes.Types.Inputs.Meta.V1.ObjectMetaArgs { Namespace = args.Namespace },
            Type = TlsSecretSettings.Type,
            StringData =
            {
                [TlsSecretSettings.CertificateKey] = args.CertificatePem,
                [TlsSecretSettings.PrivateKeyKey] = Output.CreateSecret(args.PrivateKeyPem.ToOutput()),
            },
        }, new CustomResourceOptions { Parent = this, AdditionalSecretOutputs = { "data", "stringData" } });
        SecretName = secret.Metadata.Apply(m => m.Name);
        RegisterOutputs(StackOutputs.Of(this));
    }
}
