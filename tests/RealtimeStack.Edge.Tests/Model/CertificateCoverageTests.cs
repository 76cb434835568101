using RealtimeStack.Edge.Tls;

namespace RealtimeStack.Edge.Tests.Model;

/// <summary>A certificate must serve every name the edge answers for, now: clients refuse it otherwise.</summary>
public sealed class CertificateCoverageTests
{
    private static (string, string)[] With(SelfSignedCertificate.Pem pem, params (string, string)[] more) =>
        [("tlsCert", pem.CertificatePem), ("tlsKey", pem.PrivateKeyPem), .. more];

    [Fact]
    public void A_certificate_for_other_names_is_refused_naming_what_it_covers()
    {
        var pem = SelfSignedCertificate.Create(["other.example.com", "www.other.example.com"], TimeSpan.FromDays(30));
        var error = Assert.Single(Stacks.Errors(With(pem, ("domain", "realtime.example.com"))));
        Assert.Equal("realtime:tlsCert", error.Key);
        Assert.Equal("does not cover realtime.example.com (it covers other.example.com, www.other.example.com, 127.0.0.1)", error.Rule);
    }

    [Fact]
    public void Every_alias_must_be_covered_and_wildcards_match_as_clients_match_them()
    {
        var pem = SelfSignedCertificate.Create(["realtime.example.com", "*.example.com"], TimeSpan.FromDays(30));
        // One label under a wildcard is covered; two are not, nor is a wildcard name the certificate does not carry.
        var error = Assert.Single(Stacks.Errors(With(pem, ("domain", "realtime.example.com"), ("aliases", "www.example.com,a.b.example.com,*.other.com,edge.*"))));
        Assert.StartsWith("does not cover a.b.example.com, *.other.com (it covers ", error.Rule);
        Assert.Equal(["realtime.example.com", "*.example.com", "api.example.com"], Stacks.Spec(With(pem, ("domain", "realtime.example.com"), ("aliases", "*.example.com,api.example.com"))).ServerNames.Select(n => n.Value));
    }

    [Fact]
    public void An_expired_certificate_and_one_not_valid_yet_are_refused()
    {
        var expired = SelfSignedCertificate.Create(["edge.test"], TimeSpan.FromDays(1), DateTimeOffset.UtcNow.AddDays(-3));
        Assert.StartsWith("expired on ", Assert.Single(Stacks.Errors(With(expired))).Rule);
        var early = SelfSignedCertificate.Create(["edge.test"], TimeSpan.FromDays(30), DateTimeOffset.UtcNow.AddDays(2));
        Assert.StartsWith("is not valid before ", Assert.Single(Stacks.Errors(With(early))).Rule);
    }
}
