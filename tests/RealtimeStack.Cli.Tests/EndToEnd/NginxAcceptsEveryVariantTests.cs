using RealtimeStack.Edge.Configuration;
using RealtimeStack.Local;
using RealtimeStack.Edge.Nginx;
using RealtimeStack.Cli.Tests.Support;
using RealtimeStack.Edge.Tls;

namespace RealtimeStack.Cli.Tests.EndToEnd;

/// <summary>
/// Every shape the renderer can produce passes <c>nginx -t</c> on every installed nginx (<see cref="InstalledNginx"/>),
/// rendered for that nginx's version unless the variant names a version itself.
/// </summary>
public sealed class NginxAcceptsEveryVariantTests
{
    private static readonly string[] Variants =
    [
        "",
        "http2=false",
        "redirectHttp=false",
        "gzip=false",
        "gzipTypes=",
        "hstsMaxAge=365d",
        "workerProcesses=1",
        "workerProcesses=3",
        "aliases=www.edge.test,*.edge.test,edge.*",
        "domain=" + string.Join('.', Enumerable.Repeat(new string('a', 60), 4)),
        "wsServers=[::1]:9200,127.0.0.2:9201",
        "apiKeepalive=0",
        "stickiness=none",
        "tlsProtocols=TLSv1.3",
        "tlsSessionCache=0",
        "tlsBufferSize=16k",
        "streamBufferSize=8k",
        "maxStreams=1",
        "connectTimeout=1500ms",
        // Failing backends: several servers in a hashed group, each with max_fails/fail_timeout; the longest ones.
        "sseServers=127.0.0.1:9100,127.0.0.1:9101,127.0.0.1:9102;failTimeout=1h",
        "connectTimeout=75s",
        "clientMaxBodySize=0",
        "sseReadTimeout=7d",
        "httpPort=8080;httpsPort=8443",
        "trustedProxies=10.0.0.0/8,192.168.1.7,2001:db8::/32",
        "trustedProxies=10.0.0.0/8;proxyProtocol=true",
        "trustedProxies=10.0.0.0/8;proxyProtocol=true;nginxVersion=1.25.0",
        "trustedProxies=10.0.0.0/8;proxyProtocol=true;rejectUnknownHosts=false",
        // Every server keeps its own listen options when no catch-all server takes the socket options.
        "rejectUnknownHosts=false",
        "rejectUnknownHosts=false;redirectHttp=false",
        "streamsPerClient=0",
        "apiRate=50r/s",
        "apiRate=600r/m;apiBurst=0",
        "maxStreams=100000;streamsPerClient=3;clientHeaderTimeout=2s;clientBodyTimeout=1h;largeHeaderBufferSize=1k",
        // The directive forms of nginx just before 1.25.1, which Debian's 1.22 also understands; a newer nginx must
        // still accept them (a configuration rendered for an older target), and says they are deprecated.
        PreHttp2Directive,
        "metrics=false",
        "statusPort=9145",
        // Sizes at their largest: nginx reads a size (unlike an offset) only in k or m.
        "clientBodyBufferSize=1g;tlsSessionCache=1g;clientMaxBodySize=64g",
    ];

    private const string PreHttp2Directive = "nginxVersion=1.25.0";

    /// <summary>Every variant on every nginx.</summary>
    public static TheoryData<string, string> Cases
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var nginx in InstalledNginx.All.Select(InstalledNginx.Name))
                foreach (var variant in Variants) data.Add(nginx, variant);
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Nginx_t_accepts_the_rendered_file(string nginx, string variant)
    {
        var binary = InstalledNginx.Get(nginx);
        var changes = variant.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(kv => (kv.Split('=', 2)[0], kv.Split('=', 2)[1])).ToList();
        if (!changes.Any(c => c.Item1 == "nginxVersion")) changes.Add(("nginxVersion", binary.Version.ToString()));
        var spec = Stacks.Spec([.. changes]);
        var pem = SelfSignedCertificate.Create(["edge.test"], TimeSpan.FromDays(1));
        var directory = Directory.CreateTempSubdirectory("realtime-variant-").FullName;
        try
        {
            new EdgeFiles(NginxConfRenderer.Render(spec, NginxLayout.Local(directory)), pem.CertificatePem, pem.PrivateKeyPem).WriteTo(directory);
            var (ok, output) = binary.Test(directory);
            Assert.True(ok, $"nginx {binary.Version} -t rejected variant '{variant}':\n{output}");
            // Rendered for its own version, nginx has nothing to warn about; the old forms warn on a newer nginx,
            // which shows the variant's own version was rendered, not this nginx's.
            var deprecated = variant.Contains(PreHttp2Directive, StringComparison.Ordinal) && binary.Version.HasHttp2Directive;
            Assert.True(deprecated == output.Contains("[warn]", StringComparison.Ordinal), $"nginx {binary.Version} -t on variant '{variant}':\n{output}");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>What Docker mode ships, on each nginx that re-resolves names: zones, <c>resolve</c> and Docker's
    /// resolver. nginx resolves these names only while running, so no DNS server is needed here.</summary>
    [UpstreamResolveTheory]
    [MemberData(nameof(UpstreamResolveTheoryAttribute.Nginx), MemberType = typeof(UpstreamResolveTheoryAttribute))]
    public void Nginx_t_accepts_the_container_layout_with_upstream_resolve(string nginx)
    {
        var binary = InstalledNginx.Get(nginx);
        var spec = Stacks.Spec(("apiServers", "api-1:9000,api-2:9001,127.0.0.2:9002"), ("sseServers", "sse-1:9100"), ("wsServers", "ws-1:9200"), ("nginxVersion", binary.Version.ToString()));
        var pem = SelfSignedCertificate.Create(["edge.test"], TimeSpan.FromDays(1));
        var directory = Directory.CreateTempSubdirectory("realtime-resolve-").FullName;
        try
        {
            var conf = NginxConfRenderer.Build(spec, ContainerLayoutOnHost.Layout(directory));
            Assert.Contains(conf.All, d => d.Name == "server" && d.Args.Contains("resolve"));
            new EdgeFiles(NginxConfWriter.Write(conf), pem.CertificatePem, pem.PrivateKeyPem).WriteTo(directory);
            var (ok, output) = binary.Test(directory);
            Assert.True(ok, $"nginx {binary.Version} -t rejected the container layout:\n{output}");
            Assert.DoesNotContain("[warn]", output);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Variants_cover_every_key_that_changes_the_rendered_shape()
    {
        var covered = Variants.SelectMany(v => v.Split(';')).Select(kv => kv.Split('=')[0]).ToHashSet();
        string[] shaping = ["http2", "redirectHttp", "gzip", "gzipTypes", "hstsMaxAge", "workerProcesses", "aliases", "wsServers", "apiKeepalive", "stickiness", "tlsProtocols", "tlsSessionCache", "nginxVersion", "sseServers", "failTimeout", "connectTimeout", "trustedProxies", "proxyProtocol", "rejectUnknownHosts", "streamsPerClient", "apiRate", "apiBurst", "metrics"];
        Assert.All(shaping, key => Assert.Contains(key, covered));
        Assert.All(shaping, key => Assert.Contains(EdgeConfigKeys.All, k => k.Name == key));
    }

    [Fact]
    public void A_missing_nginx_fails_with_how_to_install_it()
    {
        var e = Assert.Throws<NginxNotFoundException>(() => NginxBinary.Locate(["/nonexistent/nginx"]));
        Assert.Contains("apt-get install -y nginx-light", e.Message);
    }
}
