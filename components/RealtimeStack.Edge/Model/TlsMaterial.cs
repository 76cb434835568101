using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace RealtimeStack.Edge.Model;

/// <summary>
/// A certificate chain and its private key, as PEM. Built only through <see cref="Parse"/>, which proves that
/// the certificate parses, the key parses and the two belong together.
/// </summary>
public sealed record TlsMaterial
{
    public const int MaxPemLength = 64 * 1024;

    private TlsMaterial(string certificatePem, string privateKeyPem, X509Certificate2 leaf)
    {
        CertificatePem = certificatePem;
        PrivateKeyPem = privateKeyPem;
        Subject = leaf.Subject;
        NotAfter = leaf.NotAfter.ToUniversalTime();
        NotBefore = leaf.NotBefore.ToUniversalTime();
        Thumbprint = leaf.Thumbprint;
        _leaf = leaf;
        DnsNames = leaf.Extensions.OfType<X509SubjectAlternativeNameExtension>()
            .SelectMany(e => e.EnumerateDnsNames()).ToArray();
    }

    public string CertificatePem { get; }

    public string PrivateKeyPem { get; }

    public string Subject { get; }

    public DateTime NotAfter { get; }

    public DateTime NotBefore { get; }

    private readonly X509Certificate2 _leaf;

    public string Thumbprint { get; }

    public IReadOnlyList<string> DnsNames { get; }

    /// <summary>
    /// Why this certificate cannot serve <paramref name="names"/> at <paramref name="now"/>: a name it does not cover
    /// (naming those it does cover), or a validity that has ended or not begun. Clients refuse such a handshake, and
    /// EventSource and WebSocket clients cannot click through a warning. A trailing-wildcard name (www.example.*)
    /// fits no certificate and is not checked.
    /// </summary>
    public IEnumerable<string> Problems(IEnumerable<ServerName> names, DateTime now)
    {
        var uncovered = names.Where(n => n.FitsCertificate && !Covers(n)).Select(n => n.Value).ToArray();
        if (uncovered.Length > 0)
        {
            var covered = DnsNames.Concat(_leaf.Extensions.OfType<X509SubjectAlternativeNameExtension>().SelectMany(e => e.EnumerateIPAddresses()).Select(a => a.ToString())).ToArray();
            yield return $"does not cover {string.Join(", ", uncovered)} (it covers {(covered.Length == 0 ? "no name: it has no subjectAltName" : string.Join(", ", covered))})";
        }
        if (now > NotAfter) yield return $"expired on {NotAfter:yyyy-MM-dd HH:mm} UTC";
        else if (now < NotBefore) yield return $"is not valid before {NotBefore:yyyy-MM-dd HH:mm} UTC";
    }

    // A wildcard server name needs the same wildcard in the certificate; any other name is matched as a client would.
    private bool Covers(ServerName name) => name.Value.StartsWith("*.", StringComparison.Ordinal)
        ? DnsNames.Any(d => string.Equals(d, name.Value, StringComparison.OrdinalIgnoreCase))
        : _leaf.MatchesHostname(name.Value, allowWildcards: true, allowCommonName: false);

    // The key never appears in logs or exceptions.
    public override string ToString() => $"TlsMaterial({Subject}, expires {NotAfter:yyyy-MM-dd}, key hidden)";

    public static Parsed<TlsMaterial> Parse(string certKey, string certificatePem, string keyKey, string privateKeyPem)
    {
        if (CheckPemText(certificatePem) is { } certRule) return Parsed<TlsMaterial>.Fail(certKey, certRule);
        if (CheckPemText(privateKeyPem) is { } keyRule) return Parsed<TlsMaterial>.Fail(keyKey, keyRule);
        X509Certificate2 leaf;
        try
        {
            leaf = X509Certificate2.CreateFromPem(certificatePem);
        }
        catch (CryptographicException e)
        {
            return Parsed<TlsMaterial>.Fail(certKey, $"is not a PEM certificate (-----BEGIN CERTIFICATE-----): {e.Message}");
        }
        if (!privateKeyPem.Contains("PRIVATE KEY-----", StringComparison.Ordinal))
            return Parsed<TlsMaterial>.Fail(keyKey, "is not a PEM private key (-----BEGIN PRIVATE KEY----- or -----BEGIN RSA/EC PRIVATE KEY-----)");
        if (privateKeyPem.Contains("ENCRYPTED PRIVATE KEY", StringComparison.Ordinal))
            return Parsed<TlsMaterial>.Fail(keyKey, "must not be passphrase-encrypted: nginx would prompt for the passphrase at start");
        using var key = LoadKey(privateKeyPem, out var keyProblem);
        if (key is null) return Parsed<TlsMaterial>.Fail(keyKey, $"is not a readable PEM private key: {keyProblem}");
        if (!SamePublicKey(leaf, key)) return Parsed<TlsMaterial>.Fail(keyKey, "does not match the certificate's public key (is it the key of another certificate?)");
        return Parsed<TlsMaterial>.Success(new TlsMaterial(Normalize(certificatePem), Normalize(privateKeyPem), leaf));
    }

    private static string? CheckPemText(string pem)
    {
        if (string.IsNullOrWhiteSpace(pem)) return "must not be empty";
        if (pem.Length > MaxPemLength) return $"must be at most {MaxPemLength} characters of PEM (got {pem.Length})";
        foreach (var c in pem)
        {
            if (c > 0x7e) return "must be ASCII PEM (non-ASCII character found)";
            if (char.IsControl(c) && c is not '\n' and not '\r') return "must not contain control characters other than line breaks";
        }
        return null;
    }

    private static AsymmetricAlgorithm? LoadKey(string pem, out string problem)
    {
        problem = "neither an RSA nor an EC key";
        foreach (var create in new Func<AsymmetricAlgorithm>[] { () => ECDsa.Create(), () => RSA.Create() })
        {
            var key = create();
            try
            {
                key.ImportFromPem(pem);
                return key;
            }
            catch (Exception e) when (e is CryptographicException or ArgumentException)
            {
                problem = e.Message;
                key.Dispose();
            }
        }
        return null;
    }

    private static bool SamePublicKey(X509Certificate2 certificate, AsymmetricAlgorithm key)
    {
        using AsymmetricAlgorithm? certificateKey = (AsymmetricAlgorithm?)certificate.GetECDsaPublicKey() ?? certificate.GetRSAPublicKey();
        return certificateKey is not null
            && certificateKey.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(key.ExportSubjectPublicKeyInfo());
    }

    private static string Normalize(string pem) => pem.Replace("\r\n", "\n").Trim() + "\n";
}
