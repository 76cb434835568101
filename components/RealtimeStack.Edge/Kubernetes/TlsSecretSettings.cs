namespace RealtimeStack.Edge.Kubernetes;

/// <summary>The kubernetes.io/tls Secret the Ingress names. Its data comes from secrets, never from this model.</summary>
public static class TlsSecretSettings
{
    public const string Name = "realtime-tls";
    public const string Type = "kubernetes.io/tls";
    public const string CertificateKey = "tls.crt";
    public const string PrivateKeyKey = "tls.key";
}
