using System.Diagnostics;
using System.Net;
using RealtimeStack.Edge.Model;
using RealtimeStack.Edge.Nginx;
using RealtimeStack.Cli.Tests.Support;
using RealtimeStack.Edge.Tls;
using RealtimeStack.Local;
using RealtimeStack.SampleBackends;
using Xunit.Abstractions;

namespace RealtimeStack.Cli.Tests.EndToEnd;

/// <summary>
/// A backend replaced under the same name, as Docker does with a new container: the name moves to a new address,
/// and a running nginx with upstream resolve follows it without a reload. The name is served by a test DNS server;
/// the two backends listen on the same port of 127.0.0.1 and 127.0.0.2, so only the address changes.
/// </summary>
public sealed class UpstreamResolveTests(ITestOutputHelper output)
{
    private const string ApiName = "api-1.test";

    private static readonly IPAddress First = IPAddress.Loopback;
    private static readonly IPAddress Second = IPAddress.Parse("127.0.0.2");

    /// <summary>valid= plus time for a worker's timer to fire and the request to reach the new backend.</summary>
    private static readonly TimeSpan FollowLimit = TimeSpan.FromSeconds(30);

    [UpstreamResolveTheory]
    [MemberData(nameof(UpstreamResolveTheoryAttribute.Nginx), MemberType = typeof(UpstreamResolveTheoryAttribute))]
    public async Task A_name_moved_to_a_new_address_is_followed_without_a_reload(string nginx)
    {
        var binary = InstalledNginx.Get(nginx);
        using var dns = new TestDnsServer();
        dns.Set(ApiName, First);
        var (old, replacement) = await StartPairAsync();
        var oldStopped = false;
        var directory = Directory.CreateTempSubdirectory("realtime-resolve-e2e-").FullName;
        try
        {
            var ports = FreePort.Take(3);
            var spec = Stacks.Spec(
                ("apiServers", $"{ApiName}:{old.Port}"),
                // Streams are not exercised here; literals beside the name show they stay as written.
                ("sseServers", $"127.0.0.1:{old.Port}"),
                ("wsServers", $"127.0.0.1:{old.Port}"),
                ("httpPort", ports[0].ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("httpsPort", ports[1].ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("statusPort", ports[2].ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("redirectHttp", "false"),
                ("maxStreams", LocalEdgeFixture.MaxStreams),
                ("nginxVersion", binary.Version.ToString()));
            var resolver = NginxResolver.At(dns.Endpoint);
            var conf = NginxConfRenderer.Build(spec, NginxLayout.Local(directory) with { Resolver = resolver });
            var valid = resolver.Valid.Value;
            Assert.Equal(["resolve"], conf.Http.Children("upstream").Single(u => u.Args[0] == "realtime_api").Children("server").Single().Args.Skip(1).Take(1));
            var pem = SelfSignedCertificate.Create([LocalEdgeFixture.Host], TimeSpan.FromDays(1));
            var files = new EdgeFiles(NginxConfWriter.Write(conf), pem.CertificatePem, pem.PrivateKeyPem);
            await using var process = await NginxProcess.StartAsync(binary, directory, files, ports[..2]);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            // The served name: other names (127.0.0.1 included) are closed without an answer.
            http.DefaultRequestHeaders.Host = LocalEdgeFixture.Host;
            var api = new Uri($"http://127.0.0.1:{ports[0]}/api/whoami");

            // nginx resolves the name in the background after it starts, so the first answer may take a moment.
            var (first, _) = await PollAsync(http, api, "api-old", TimeSpan.FromSeconds(15));
            Assert.True(first, $"nginx never reached {ApiName} at {First}:\n{process.Diagnostics()}");
            var workers = process.WorkerProcessIds().Order().ToArray();
            Assert.NotEmpty(workers);
            var queriesBefore = dns.QueriesFor(ApiName);

            dns.Set(ApiName, Second);
            await old.DisposeAsync();
            oldStopped = true;
            var (followed, elapsed) = await PollAsync(http, api, "api-new", FollowLimit);

            output.WriteLine($"nginx {binary.Version}: valid={resolver.Valid.ToNginx()}, {ApiName} followed to {Second} after {elapsed.TotalSeconds:F1}s; {dns.QueriesFor(ApiName) - queriesBefore} queries for it meanwhile");
            Assert.True(followed, $"nginx still did not reach {ApiName} at {Second} {FollowLimit.TotalSeconds}s after the name moved:\n{process.Diagnostics()}");
            Assert.True(elapsed < valid + TimeSpan.FromSeconds(10), $"followed after {elapsed.TotalSeconds:F1}s, expected within valid={valid.TotalSeconds}s and a margin");
            Assert.True(dns.QueriesFor(ApiName) > queriesBefore, "nginx asked the DNS server again");
            // The same master and workers: the name was followed by DNS, not by a reload or restart.
            Assert.False(process.HasExited);
            Assert.Equal(workers, process.WorkerProcessIds().Order().ToArray());
            Assert.DoesNotContain("[emerg]", process.ErrorLog);
            Assert.DoesNotContain("[alert]", process.ErrorLog);
        }
        finally
        {
            if (!oldStopped) await old.DisposeAsync();
            await replacement.DisposeAsync();
            try { Directory.Delete(directory, recursive: true); }
            catch (IOException) { /* files nginx's workers still held; the OS cleans /tmp */ }
        }
    }

    [Fact]
    public void Upstream_resolve_is_tested_on_every_nginx_that_has_it()
    {
        var tested = ((IEnumerable<object[]>)UpstreamResolveTheoryAttribute.Nginx).Select(row => (string)row[0]).ToArray();
        foreach (var binary in InstalledNginx.All)
            output.WriteLine(binary.Version.HasUpstreamResolve
                ? $"tested: nginx {binary.Version} at {binary.Path} follows a moved name"
                : $"not tested: nginx {binary.Version} at {binary.Path} has no upstream resolve (before {NginxVersion.UpstreamResolve})");

        Assert.Equal(InstalledNginx.All.Where(b => b.Version.HasUpstreamResolve).Select(InstalledNginx.Name), tested);
        // Every shared build new enough (CI keeps 1.28 there) is among them, so its absence cannot pass unnoticed.
        var testedVersions = tested.Select(InstalledNginx.Get).Select(b => b.Version).ToArray();
        var sharedWithResolve = InstalledNginx.SharedBuilds().Select(path => NginxBinary.Locate([path])).Where(b => b.Version.HasUpstreamResolve);
        Assert.All(sharedWithResolve, build => Assert.Contains(build.Version, testedVersions));
    }

    // The old backend on 127.0.0.1 and its replacement on the same port of 127.0.0.2. A port free on one address can
    // be taken on the other; then both start again on a new port.
    private static async Task<(SampleBackend Old, SampleBackend Replacement)> StartPairAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            var old = await SampleBackend.StartAsync(new SampleBackendOptions("api-old", First, 0));
            try
            {
                return (old, await SampleBackend.StartAsync(new SampleBackendOptions("api-new", Second, old.Port)));
            }
            catch (Exception e) when (attempt < 3 && e is IOException or InvalidOperationException)
            {
                await old.DisposeAsync();
            }
            catch
            {
                await old.DisposeAsync();
                throw;
            }
        }
    }

    // Requests until one is answered by the backend named instance, or the limit passes; failures in between
    // (502 while the old address is gone) are expected.
    private static async Task<(bool Reached, TimeSpan Elapsed)> PollAsync(HttpClient http, Uri url, string instance, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            try
            {
                using var response = await http.GetAsync(url);
                if (response.IsSuccessStatusCode && response.Headers.TryGetValues(SampleHeaders.Instance, out var values) && values.Single() == instance)
                    return (true, clock.Elapsed);
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(100);
        }
        return (false, clock.Elapsed);
    }
}
