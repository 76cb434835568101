using RealtimeStack.Edge.Configuration;
using RealtimeStack.Edge.Model;
using RealtimeStack.Edge.Tls;

namespace RealtimeStack.Edge.Tests.Configuration;

public sealed class BinderTests
{
    [Fact]
    public void Defaults_keep_the_article_intent_where_it_is_safe()
    {
        var spec = Stacks.Spec();
        Assert.Equal("edge.test", spec.PrimaryName.Value);
        Assert.Equal(50L * 1024 * 1024, spec.Body.MaxSize.Bytes);
        // Larger bodies go to a temporary file: stalled uploads cannot fill the memory.
        Assert.Equal(16L * 1024, spec.Body.BufferSize.Bytes);
        Assert.True(spec.Gzip.Enabled);
        Assert.Equal(["text/plain", "text/css", "application/json", "application/javascript", "application/xml"], spec.Gzip.Types);
        Assert.Equal(1024, spec.Gzip.MinLength);
        Assert.Equal(4, spec.Gzip.Level);
        Assert.Equal([TlsProtocol.Tls12, TlsProtocol.Tls13], spec.Tls.Protocols);
        Assert.Equal(["127.0.0.1:9000", "127.0.0.1:9001"], spec.Upstreams.Api.Servers.Select(s => s.ToString()));
        // Changed on purpose (README): an hour between reads, with heartbeats, instead of a day.
        Assert.Equal(TimeSpan.FromHours(1), spec.Routes.Sse.ReadTimeout.Value);
        Assert.Equal(TimeSpan.FromHours(1), spec.Routes.Ws.ReadTimeout.Value);
        Assert.Equal(TimeSpan.FromSeconds(60), spec.Routes.Api.ReadTimeout.Value);
        Assert.True(spec.Listen.RedirectHttpToHttps);
        Assert.Equal(10_000, spec.Capacity.MaxStreams);
        Assert.Null(spec.Tls.Material);
    }

    [Fact]
    public void Every_error_is_reported_together()
    {
        var e = Assert.Throws<EdgeConfigException>(() => EdgeConfigBinder.Bind(new Dictionary<string, string>
        {
            ["realtime:httpPort"] = "x",
            ["realtime:gzipLevel"] = "11",
            ["realtime:apiServers"] = "nope",
            ["realtime:sseReadTimeout"] = "soon",
        }));
        Assert.Equal(
            ["realtime:domain", "realtime:httpPort", "realtime:apiServers", "realtime:sseReadTimeout", "realtime:gzipLevel"],
            e.Errors.Select(x => x.Key));
        Assert.Contains("realtime:domain: is required", e.Message);
    }

    [Fact]
    public void Unknown_keys_are_rejected_with_a_suggestion_for_case_typos()
    {
        var errors = Stacks.Errors(("realtime:Domain", "x.test"), ("realtime:colour", "blue"));
        Assert.Contains(errors, e => e.Key == "realtime:Domain" && e.Rule.Contains("did you mean realtime:domain?"));
        Assert.Contains(errors, e => e.Key == "realtime:colour" && e.Rule.Contains("not a known key"));
        Assert.DoesNotContain(errors, e => e.Key == "realtime:colour" && e.Rule.Contains("did you mean"));
    }

    [Theory]
    [InlineData("realtime:sseReadTimout", "realtime:sseReadTimeout")]
    [InlineData("realtime:maxStream", "realtime:maxStreams")]
    [InlineData("realtime:apiServer", "realtime:apiServers")]
    [InlineData("realtime:streamPerClient", "realtime:streamsPerClient")]
    [InlineData("realtime:TLSCERT", "realtime:tlsCert")]
    public void A_misspelled_key_is_named_with_the_key_it_most_likely_meant(string typo, string meant)
    {
        var error = Assert.Single(Stacks.Errors((typo, "x")), e => e.Key == typo);
        Assert.Equal($"is not a known key; did you mean {meant}?", error.Rule);
    }

    [Fact]
    public void Other_namespaces_and_deployment_keys_are_left_alone()
    {
        var spec = Stacks.Spec(("docker:host", "unix:///var/run/docker.sock"), ("realtime:mode", "docker"));
        Assert.Equal("edge.test", spec.PrimaryName.Value);
    }

    [Fact]
    public void Lists_accept_blanks_around_commas_but_not_duplicates()
    {
        Assert.Equal(["a:1", "b:2"], Stacks.Spec(("apiServers", "a:1, b:2")).Upstreams.Api.Servers.Select(s => s.ToString()));
        Assert.Contains(Stacks.Errors(("apiServers", "a:1,a:1")), e => e.Rule.Contains("listed twice"));
        Assert.Contains(Stacks.Errors(("aliases", "edge.test")), e => e.Rule.Contains("listed twice"));
    }

    [Fact]
    public void Server_names_allow_nginx_wildcards_and_ipv6_upstreams_are_bracketed()
    {
        var spec = Stacks.Spec(("domain", "*.Example.com"), ("aliases", "www.example.*"), ("wsServers", "[::1]:9200"));
        Assert.Equal(["*.example.com", "www.example.*"], spec.ServerNames.Select(n => n.Value));
        Assert.Equal("[::1]:9200", spec.Upstreams.Ws.Servers[0].ToString());
    }

    [Fact]
    public void Same_port_for_http_and_https_is_refused()
    {
        Assert.Contains(Stacks.Errors(("httpPort", "8443"), ("httpsPort", "8443")), e => e.Key == "realtime:httpsPort" && e.Rule.Contains("must differ"));
    }

    [Fact]
    public void Durations_and_sizes_are_canonical()
    {
        var spec = Stacks.Spec(("sseReadTimeout", "90m"), ("clientMaxBodySize", "1024k"), ("connectTimeout", "1500ms"));
        Assert.Equal("5400s", spec.Routes.Sse.ReadTimeout.ToNginx());
        Assert.Equal("1m", spec.Body.MaxSize.ToNginx());
        Assert.Equal("1500ms", spec.Routes.Api.ConnectTimeout.ToNginx());
    }

    [Fact]
    public void A_matching_certificate_and_key_are_accepted_and_the_key_is_never_printed()
    {
        var pem = SelfSignedCertificate.Create(["edge.test"], TimeSpan.FromDays(10));
        var spec = Stacks.Spec(("tlsCert", pem.CertificatePem), ("tlsKey", pem.PrivateKeyPem));
        Assert.NotNull(spec.Tls.Material);
        Assert.Equal(["edge.test"], spec.Tls.Material!.DnsNames);
        Assert.DoesNotContain("PRIVATE", spec.Tls.Material.ToString());
        Assert.DoesNotContain("PRIVATE", spec.ToString());
    }

    [Fact]
    public void A_key_of_another_certificate_is_named_as_the_wrong_one()
    {
        var a = SelfSignedCertificate.Create(["edge.test"], TimeSpan.FromDays(10));
        var b = SelfSignedCertificate.Create(["edge.test"], TimeSpan.FromDays(10));
        var error = Assert.Single(Stacks.Errors(("tlsCert", a.CertificatePem), ("tlsKey", b.PrivateKeyPem)));
        Assert.Equal("realtime:tlsKey", error.Key);
        Assert.Contains("does not match the certificate", error.Rule);
    }

    [Fact]
    public void A_broken_certificate_is_named_as_the_wrong_one()
    {
        var a = SelfSignedCertificate.Create(["edge.test"], TimeSpan.FromDays(10));
        var error = Assert.Single(Stacks.Errors(("tlsCert", "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----"), ("tlsKey", a.PrivateKeyPem)));
        Assert.Equal("realtime:tlsCert", error.Key);
        Assert.Contains("not a PEM certificate", error.Rule);
    }

    [Theory]
    [InlineData("not a key at all", "not a PEM private key")]
    [InlineData("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----", "not a readable PEM private key")]
    [InlineData("-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----", "passphrase")]
    public void A_broken_key_is_named_as_the_wrong_one(string key, string rule)
    {
        var a = SelfSignedCertificate.Create(["edge.test"], TimeSpan.FromDays(10));
        var error = Assert.Single(Stacks.Errors(("tlsCert", a.CertificatePem), ("tlsKey", key)));
        Assert.Equal("realtime:tlsKey", error.Key);
        Assert.Contains(rule, error.Rule);
    }

    [Fact]
    public void Certificate_and_key_go_together()
    {
        var a = SelfSignedCertificate.Create(["edge.test"], TimeSpan.FromDays(10));
        Assert.Contains(Stacks.Errors(("tlsCert", a.CertificatePem)), e => e.Key == "realtime:tlsKey" && e.Rule.Contains("required when"));
    }

    [Fact]
    public void A_known_worker_count_sizes_each_worker_for_its_share()
    {
        var auto = Stacks.Spec(("maxStreams", "10000")).Capacity;
        Assert.Equal(2 * 10000 + CapacitySpec.Reserve, auto.WorkerConnections);
        var two = Stacks.Spec(("maxStreams", "10000"), ("workerProcesses", "2")).Capacity;
        Assert.Equal(12500 + CapacitySpec.Reserve, two.WorkerConnections);
        Assert.True(two.WorkerRlimitNofile < 20000, "10k streams on 2 workers fit a 20,000 open-files limit");
    }

    [Fact]
    public void Capacity_is_derived_two_connections_per_stream()
    {
        var spec = Stacks.Spec(("maxStreams", "500"));
        Assert.True(spec.Capacity.WorkerConnections >= 1000);
        Assert.True(spec.Capacity.WorkerRlimitNofile > spec.Capacity.WorkerConnections);
    }
}
