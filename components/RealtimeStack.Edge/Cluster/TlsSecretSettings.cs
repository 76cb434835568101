namespace RealtimeStack.Edge.Cluster;

/// <summary>
/// The kubernetes.io/tls Secret the Ingress names. Its data comes from secrets, never from this model; its name
/// is generated, so that a new certificate is a new Secret created before the old one goes.
/// </summary>
public static class TlsSecretSettings
{
    public const string Type = "kubernetes.io/tls";
    public const string CertificateKey = "tls.crt";
    public const string PrivateKeyKey = "tls.key";

    /// <summary>How the rendered configuration names the Secret, whose real name Kubernetes generates.</summary>
    public const string GeneratedName = "(generated TLS Secret name)";
}
