using RealtimeStack.Edge.Config;
using RealtimeStack.Edge.Local;
using RealtimeStack.Edge.Nginx;
using RealtimeStack.Edge.Tests.Support;
using RealtimeStack.Edge.Tls;

namespace RealtimeStack.Edge.Tests.EndToEnd;

/// <summary>Every shape the renderer can produce passes <c>nginx -t</c> on the installed nginx.</summary>
public sealed class NginxAcceptsEveryVariantTests
{
    private static readonly NginxBinary Nginx = NginxBinary.Locate();

    public static TheoryData<string> Variants => new()
    {
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
        "maxStreams=1",
        "connectTimeout=1500ms",
        "clientMaxBodySize=0",
        "sseReadTimeout=7d",
        "httpPort=8080;httpsPort=8443",
        // The directive forms of nginx just before 1.25.1 are what Debian's 1.22 also understands.
        "nginxVersion=1.25.0",
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void Nginx_t_accepts_the_rendered_file(string variant)
    {
        var changes = variant.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(kv => (kv.Split('=', 2)[0], kv.Split('=', 2)[1])).ToList();
        if (!changes.Any(c => c.Item1 == "nginxVersion")) changes.Add(("nginxVersion", Nginx.Version.ToString()));
        var spec = Stacks.Spec([.. changes]);
        var pem = SelfSignedCertificate.Create(["edge.test"], TimeSpan.FromDays(1));
        var directory = Directory.CreateTempSubdirectory("realtime-variant-").FullName;
        try
        {
            new EdgeFiles(NginxConfRenderer.Render(spec, NginxLayout.Local(directory)), pem.CertificatePem, pem.PrivateKeyPem).WriteTo(directory);
            var (ok, output) = Nginx.Test(directory);
            Assert.True(ok, $"nginx -t rejected variant '{variant}':\n{output}");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Variants_cover_every_key_that_changes_the_rendered_shape()
    {
        var covered = ((IEnumerable<object[]>)Variants).Select(v => (string)v[0]).SelectMany(v => v.Split(';')).Select(kv => kv.Split('=')[0]).ToHashSet();
        string[] shaping = ["http2", "redirectHttp", "gzip", "gzipTypes", "hstsMaxAge", "workerProcesses", "aliases", "wsServers", "apiKeepalive", "stickiness", "tlsProtocols", "tlsSessionCache", "nginxVersion"];
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
