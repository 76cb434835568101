using System.Globalization;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace RealtimeStack.Cli.Doctor;

/// <summary>Judges a <see cref="TlsObservation"/>: protocol, trust, name, expiry and HTTP/2.</summary>
public static class TlsJudge
{
    /// <summary>Fewer days left than this fails: enough warning to renew before clients start refusing.</summary>
    public const int MinimumDaysLeft = 14;

    private const string ServerAuthentication = "1.3.6.1.5.5.7.3.1";

    public static TlsVerdict Judge(TlsObservation tls, DoctorOptions options, string host, DateTimeOffset now)
    {
        if (tls.HandshakeError is not null || tls.Leaf is null)
        {
            var why = $"no TLS handshake: {tls.HandshakeError ?? "no certificate presented"}";
            return new TlsVerdict(
            [
                DoctorChecks.TlsProtocol.Fail($"handshake failed: {tls.HandshakeError ?? "no certificate presented"}"),
                DoctorChecks.TlsTrust.Skip(why),
                DoctorChecks.TlsName.Skip(why),
                DoctorChecks.TlsExpiry.Skip(why),
                DoctorChecks.Http2.Skip(why),
            ], null, why);
        }

        var leaf = tls.Leaf;
        var (trusted, trust) = Trust(tls, leaf, options.TrustedCertificates, now);
        var nameMatches = leaf.MatchesHostname(host);
        var results = new List<CheckResult>
        {
            tls.Protocol is SslProtocols.Tls12 or SslProtocols.Tls13
                ? DoctorChecks.TlsProtocol.Pass(ProtocolName(tls.Protocol))
                : DoctorChecks.TlsProtocol.Fail($"{ProtocolName(tls.Protocol)} negotiated"),
            trusted
                ? DoctorChecks.TlsTrust.Pass(trust)
                : DoctorChecks.TlsTrust.Fail($"not trusted: {trust}" + (options.Insecure ? " (accepted for the other checks: --insecure)" : "")),
            nameMatches
                ? DoctorChecks.TlsName.Pass($"{host} matches ({Names(leaf)})")
                : DoctorChecks.TlsName.Fail($"{host} is not among {Names(leaf)}" + (options.Insecure ? " (accepted for the other checks: --insecure)" : "")),
            Expiry(leaf, now),
            options.Expectations.NoHttp2Because is { } noHttp2
                ? DoctorChecks.Http2.Skip(noHttp2, $"ALPN: {tls.ApplicationProtocol ?? "none"}")
                : tls.ApplicationProtocol == "h2"
                    ? DoctorChecks.Http2.Pass("h2 chosen by ALPN")
                    : DoctorChecks.Http2.Fail(tls.ApplicationProtocol is null ? "no ALPN: HTTP/1.1 only" : $"ALPN chose {tls.ApplicationProtocol}, not h2"),
        };

        string? stop = null;
        if (!options.Insecure && !trusted) stop = "the certificate is not trusted (tls-trust): pass --ca FILE to trust it, or --insecure to check the rest anyway";
        else if (!options.Insecure && !nameMatches) stop = $"the certificate does not name {host} (tls-name): pass --insecure to check the rest anyway";
        return new TlsVerdict(results, stop is null ? leaf : null, stop);
    }

    private static (bool Trusted, string How) Trust(TlsObservation tls, X509Certificate2 leaf, X509Certificate2Collection extra, DateTimeOffset now)
    {
        var systemTrusts = (tls.SystemErrors & (SslPolicyErrors.RemoteCertificateChainErrors | SslPolicyErrors.RemoteCertificateNotAvailable)) == 0;
        if (systemTrusts) return (true, $"verifies against the system's CAs ({Issuer(leaf)})");
        var leafHash = leaf.GetCertHashString(HashAlgorithmName.SHA256);
        if (extra.Any(c => c.GetCertHashString(HashAlgorithmName.SHA256) == leafHash))
            return InValidity(leaf, now) ? (true, "pinned: it is the certificate given to trust (--ca)") : (false, $"the --ca certificate itself, but {Validity(leaf, now)}");
        if (extra.Count > 0)
        {
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.AddRange(extra);
            chain.ChainPolicy.ExtraStore.AddRange(tls.Presented);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            chain.ChainPolicy.ApplicationPolicy.Add(new Oid(ServerAuthentication));
            chain.ChainPolicy.VerificationTime = now.UtcDateTime;
            if (chain.Build(leaf)) return (true, $"chains to a --ca certificate ({Issuer(leaf)})");
            var status = string.Join("; ", chain.ChainStatus.Select(s => $"{s.StatusInformation.Trim().TrimEnd('.')} ({s.Status})").Distinct());
            return (false, $"{status} (neither the system's CAs nor --ca)");
        }
        var problems = tls.SystemChainProblems.Count > 0 ? string.Join("; ", tls.SystemChainProblems.Distinct()) : tls.SystemErrors.ToString();
        return (false, problems);
    }

    private static CheckResult Expiry(X509Certificate2 leaf, DateTimeOffset now)
    {
        var notAfter = new DateTimeOffset(leaf.NotAfter.ToUniversalTime(), TimeSpan.Zero);
        var days = (int)Math.Floor((notAfter - now).TotalDays);
        var until = notAfter.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (!InValidity(leaf, now)) return DoctorChecks.TlsExpiry.Fail(Validity(leaf, now));
        var measured = $"valid until {until} ({days} days left)";
        return days < MinimumDaysLeft ? DoctorChecks.TlsExpiry.Fail(measured + $", fewer than {MinimumDaysLeft}") : DoctorChecks.TlsExpiry.Pass(measured);
    }

    private static bool InValidity(X509Certificate2 leaf, DateTimeOffset now) =>
        now.UtcDateTime >= leaf.NotBefore.ToUniversalTime() && now.UtcDateTime <= leaf.NotAfter.ToUniversalTime();

    private static string Validity(X509Certificate2 leaf, DateTimeOffset now) =>
        now.UtcDateTime < leaf.NotBefore.ToUniversalTime()
            ? $"not valid before {leaf.NotBefore.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC"
            : $"expired on {leaf.NotAfter.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    private static string Issuer(X509Certificate2 leaf) =>
        leaf.Subject == leaf.Issuer ? "self-signed" : "issued by " + leaf.GetNameInfo(X509NameType.SimpleName, forIssuer: true);

    /// <summary>The names a client matches against: subjectAltName entries (the subject CN only when there are none).</summary>
    private static string Names(X509Certificate2 leaf)
    {
        var names = new List<string>();
        foreach (var extension in leaf.Extensions.Where(e => e.Oid?.Value == "2.5.29.17"))
        {
            var san = new X509SubjectAlternativeNameExtension(extension.RawData, extension.Critical);
            names.AddRange(san.EnumerateDnsNames().Select(n => "DNS:" + n));
            names.AddRange(san.EnumerateIPAddresses().Select(a => "IP:" + a));
        }
        return names.Count > 0 ? "subjectAltName " + string.Join(", ", names.Distinct()) : "no subjectAltName, CN=" + leaf.GetNameInfo(X509NameType.SimpleName, false);
    }

    private static string ProtocolName(SslProtocols protocol) => protocol switch
    {
        SslProtocols.Tls13 => "TLSv1.3",
        SslProtocols.Tls12 => "TLSv1.2",
#pragma warning disable SYSLIB0039, CA5397 // named only to report them
        SslProtocols.Tls11 => "TLSv1.1",
        SslProtocols.Tls => "TLSv1.0",
#pragma warning restore SYSLIB0039, CA5397
        _ => protocol.ToString(),
    };
}
