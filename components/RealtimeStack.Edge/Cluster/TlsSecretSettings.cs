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

    /// <summary>How the rendered configuration names the Secret, whose real name Pulumi generates (this, a dash and
    /// a random suffix): a valid name, so the rendering applies with <c>kubectl apply --dry-run</c>.</summary>
    public const string GeneratedName = "realtime-tls";

    /// <summary>What the rendered configuration shows for the certificate and the key, which it never holds.</summary>
    public const string CertificatePlaceholder = "(the certificate: realtime:tlsCert, or one generated for the server names)";
    public const string KeyPlaceholder = "(redacted)";

    /// <summary>The Secret as the rendered configuration shows it: its type and keys, the values left out.</summary>
    public static SortedDictionary<string, object> RenderedManifest(string @namespace) => ObjectMap.Of(
        ("apiVersion", "v1"),
        ("kind", "Secret"),
        ("metadata", ObjectMap.Of(("name", GeneratedName), ("namespace", @namespace))),
        ("type", Type),
        ("stringData", ObjectMap.Of((CertificateKey, CertificatePlaceholder), (PrivateKeyKey, KeyPlaceholder))));
}
