using Pulumi;
using Pulumi.Tls;
using Pulumi.Tls.Inputs;

namespace RealtimeStack.Components;

/// <summary>Arguments of <see cref="DevCertificate"/>.</summary>
internal sealed class DevCertificateArgs : ResourceArgs
{
    /// <summary>DNS names the certificate covers (the edge's server names).</summary>
    [Input("dnsNames", required: true)]
    public required InputList<string> DnsNames { get; init; }

    /// <summary>How long the certificate is valid, in hours.</summary>
    [Input("validityHours")]
    public Input<int> ValidityHours { get; init; } = 24 * 365;
}

/// <summary>
/// A self-signed certificate for stacks that configure none. Its key lives in Pulumi state (as a secret), so it
/// stays the same across <c>pulumi up</c> runs until the names change.
/// </summary>
internal sealed class DevCertificate : ComponentResource
{
    [Output("certificatePem")]
    public Output<string> CertificatePem { get; private set; }

    [Output("privateKeyPem")]
    public Output<string> PrivateKeyPem { get; private set; }

    public DevCertificate(string name, DevCertificateArgs args, ComponentResourceOptions? options = null)
        : base(ComponentTypes.DevCertificate, name, args, options)
    {
        var child = new CustomResourceOptions { Parent = this };
        var key = new PrivateKey($"{name}-key", new PrivateKeyArgs { Algorithm = "ECDSA", EcdsaCurve = "P256" }, child);
        var certificate = new SelfSignedCert($"{name}-cert", new SelfSignedCertArgs
        {
            PrivateKeyPem = key.PrivateKeyPem,
            DnsNames = args.DnsNames,
            IpAddresses = { "127.0.0.1" },
            Subject = new SelfSignedCertSubjectArgs { CommonName = args.DnsNames.Apply(names => names[0]) },
            ValidityPeriodHours = args.ValidityHours,
            AllowedUses = { "digital_signature", "key_encipherment", "server_auth" },
        }, child);
        CertificatePem = certificate.CertPem;
        PrivateKeyPem = Output.CreateSecret(key.PrivateKeyPem);
        RegisterOutputs(StackOutputs.Of(this));
    }
}
