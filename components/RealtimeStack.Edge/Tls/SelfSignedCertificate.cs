using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace RealtimeStack.Edge.Tls;

/// <summary>Makes a self-signed certificate for local runs and tests: ECDSA P-256, server auth, SANs for the names.</summary>
public static class SelfSignedCertificate
{
    public sealed record Pem(string CertificatePem, string PrivateKeyPem);

    public static Pem Create(IEnumerable<string> dnsNames, TimeSpan lifetime, DateTimeOffset? notBefore = null)
    {
        var names = dnsNames.ToArray();
        if (names.Length == 0) throw new ArgumentException("at least one DNS name is needed", nameof(dnsNames));
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=" + names[0], key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        foreach (var name in names) san.AddDnsName(name);
        san.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var start = notBefore ?? DateTimeOffset.UtcNow.AddMinutes(-5);
        using var certificate = request.CreateSelfSigned(start, start + lifetime);
        return new Pem(certificate.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
    }
}
