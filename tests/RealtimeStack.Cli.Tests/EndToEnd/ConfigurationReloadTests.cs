using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using RealtimeStack.Cli.LocalEdges;
using RealtimeStack.Edge.Configuration;
using RealtimeStack.Edge.Docker;
using RealtimeStack.Edge.Nginx;
using RealtimeStack.Cli.Tests.Support;
using RealtimeStack.Edge.Tls;
using RealtimeStack.Local;
using Xunit.Abstractions;

namespace RealtimeStack.Cli.Tests.EndToEnd;

/// <summary>
/// <see cref="ConfigurationReload.Script"/> on a real nginx, once per installed nginx, each running the configuration
/// rendered for its own version: a good configuration and certificate reach nginx by reload without cutting open
/// streams; one nginx rejects changes nothing, and nginx's own message is the error. Each test starts its own edge,
/// because a reload changes it.
/// </summary>
public sealed class ConfigurationReloadTests(ITestOutputHelper output)
{
    private const string Host = LocalEdgeFixture.Host;
    private const string Alias = "live.edge.test";

    // 1000 + 1000 streams: 4,000 sockets in this process (client and sample backend ends) and 4,000 connections
    // in nginx, which the fixture's maxStreams (2000) sizes a worker for; both well inside the 20,000 open files.
    private const int SseStreams = 1000;
    private const int WebSockets = 1000;

    // Slow enough that 1000 streams cost little CPU (500 events/s), fast enough that a live stream shows within seconds.
    private static readonly TimeSpan SseInterval = TimeSpan.FromSeconds(2);

    public static TheoryData<string> Nginx => InstalledNginx.Names;

    [Theory]
    [MemberData(nameof(Nginx))]
    public async Task A_new_configuration_and_certificate_by_reload_keep_every_open_stream(string nginx)
    {
        AssertOpenFilesAllow(4 * (SseStreams + WebSockets) + 1000);
        var binary = InstalledNginx.Get(nginx);
        await using var edge = await StartEdgeAsync(binary);
        using var client = new EdgeClient(edge, Host);
        await using var streams = await HeldStreams.OpenAsync(client.Handler(),
            client.Https($"/sse/reload?interval={(int)SseInterval.TotalMilliseconds}"), client.Wss("/ws/reload"),
            SseStreams, WebSockets, concurrency: 64, rampLimit: TimeSpan.FromMinutes(2));
        Assert.True(streams.Held == SseStreams + WebSockets,
            $"opened {streams.HeldSse} SSE and {streams.HeldWs} WebSocket streams of {SseStreams} + {WebSockets}; first failure: {streams.FirstFailure}\n{edge.Nginx.Diagnostics()}");
        output.WriteLine($"nginx {nginx}: opened {streams.HeldSse} SSE + {streams.HeldWs} WebSocket streams in {streams.RampTime.TotalSeconds:F1}s");
        // The same checks before the reload, so a count after it can only drop because of the reload.
        Assert.Equal(SseStreams, await SseDeliveringAfterNowAsync(streams));
        Assert.Equal(WebSockets, await streams.WsEchoingAsync());

        var masterBefore = edge.Nginx.ProcessId;
        var workersBefore = edge.Nginx.WorkerProcessIds();
        var certificate = SelfSignedCertificate.Create([Host, Alias, "localhost"], TimeSpan.FromDays(30));
        var conf = Render(edge, binary, certificate, ("sseReadTimeout", "30m"), ("aliases", Alias));
        Assert.NotEqual(File.ReadAllText(LivePath(edge, "nginx.conf")), conf);
        var staged = Stage(edge, conf, certificate.CertificatePem, certificate.PrivateKeyPem);

        var run = await RunScriptAsync(edge, binary, staged);
        Assert.True(run.ExitCode == 0, $"the script failed ({run.ExitCode}):\n{run.Stderr}\n{run.Stdout}");
        Assert.Equal(conf, File.ReadAllText(LivePath(edge, "nginx.conf")));
        Assert.Equal(certificate.CertificatePem, File.ReadAllText(LivePath(edge, NginxLayout.CertificateFile)));
        Assert.Equal(certificate.PrivateKeyPem, File.ReadAllText(LivePath(edge, NginxLayout.PrivateKeyFile)));
        Assert.Empty(Directory.EnumerateFiles(staged, "*", SearchOption.AllDirectories));

        // nginx -s reload only signals the master; new connections reach the new workers once they have started.
        var newThumbprint = Thumbprint(certificate.CertificatePem);
        var reloadedWithin = Stopwatch.StartNew();
        string served;
        while ((served = await ServedThumbprintAsync(edge)) != newThumbprint && reloadedWithin.Elapsed < TimeSpan.FromSeconds(15))
            await Task.Delay(50);
        var newCertificateAfter = reloadedWithin.Elapsed;
        Assert.Equal(newThumbprint, served);
        Assert.NotEqual(Thumbprint(edge.CertificatePem), served);
        Assert.Equal(masterBefore, edge.Nginx.ProcessId);
        Assert.False(edge.Nginx.HasExited);
        var workersAfter = edge.Nginx.WorkerProcessIds();
        Assert.NotEmpty(workersAfter.Except(workersBefore));
        // The old workers hold the streams, so once told to quit (the master waits a moment after starting the new
        // ones) they drain, for up to worker_shutdown_timeout, instead of exiting.
        var draining = await DrainingAsync(workersBefore, TimeSpan.FromSeconds(10));
        Assert.Equal(workersBefore.Order(), draining.Order());

        // The new configuration serves new requests, under the new certificate.
        using (var reloaded = new EdgeClient(edge, Host, certificate.CertificatePem))
        using (var http = reloaded.HttpClient())
        using (var response = await http.GetAsync(reloaded.Https("/api/whoami"), Within(10)))
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var deliveringSse = await SseDeliveringAfterNowAsync(streams);
        var echoingWs = await streams.WsEchoingAsync();
        var lost = streams.Held - deliveringSse - echoingWs;
        output.WriteLine($"nginx {nginx}: script took {run.Elapsed.TotalMilliseconds:F0} ms; new certificate served {newCertificateAfter.TotalMilliseconds:F0} ms after it returned");
        output.WriteLine($"nginx {nginx}: kept {deliveringSse}/{streams.HeldSse} SSE (delivering) and {echoingWs}/{streams.HeldWs} WebSocket (echoing) streams; lost {lost}; {draining.Length} old worker(s) draining, {workersAfter.Except(workersBefore).Count()} new");
        Assert.Equal(0, streams.SseEnded);
        Assert.Equal(0, lost);
    }

    [Theory]
    [MemberData(nameof(Nginx))]
    public async Task A_configuration_nginx_rejects_fails_with_nginxs_message_and_the_old_one_keeps_serving(string nginx)
    {
        var binary = InstalledNginx.Get(nginx);
        await using var edge = await StartEdgeAsync(binary);
        var before = Snapshot.Of(edge);
        var certificate = SelfSignedCertificate.Create([Host, "localhost"], TimeSpan.FromDays(30));
        var conf = Render(edge, binary, certificate, ("sseReadTimeout", "30m"));
        var broken = conf.Replace("http {\n", "http {\n    realtime_no_such_directive on;\n", StringComparison.Ordinal);
        Assert.NotEqual(conf, broken);
        var staged = Stage(edge, broken, certificate.CertificatePem, certificate.PrivateKeyPem);

        var run = await RunScriptAsync(edge, binary, staged);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("nginx rejected the new configuration; the running one is unchanged:", run.Stderr);
        // Neither the staged key nor the kept copy of the live one stays behind.
        Assert.Empty(Directory.EnumerateFiles(staged, "*", SearchOption.AllDirectories));
        // 1.22 prefixes its message with a timestamp and pid ("[emerg] 123#123: unknown ..."), 1.28 does not.
        Assert.Matches(@"\[emerg\] (\d+#\d+: )?unknown directive ""realtime_no_such_directive"" in .*/nginx\.conf:\d+", run.Stderr);
        await before.AssertUnchangedAndServingAsync(edge);
        output.WriteLine($"nginx {nginx}: script took {run.Elapsed.TotalMilliseconds:F0} ms and said:\n{run.Stderr}");
    }

    [Theory]
    [MemberData(nameof(Nginx))]
    public async Task A_mismatched_certificate_and_key_are_rejected_and_the_old_pair_kept(string nginx)
    {
        var binary = InstalledNginx.Get(nginx);
        await using var edge = await StartEdgeAsync(binary);
        var before = Snapshot.Of(edge);
        var certificate = SelfSignedCertificate.Create([Host, "localhost"], TimeSpan.FromDays(30));
        var otherKey = SelfSignedCertificate.Create([Host, "localhost"], TimeSpan.FromDays(30)).PrivateKeyPem;
        // The configuration is the running one: only the pair is wrong, and nginx -t loads the pair.
        var staged = Stage(edge, before.Conf, certificate.CertificatePem, otherKey);

        var run = await RunScriptAsync(edge, binary, staged);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("nginx rejected the new configuration; the running one is unchanged:", run.Stderr);
        Assert.Contains("[emerg]", run.Stderr);
        Assert.Contains("SSL_CTX_use_PrivateKey", run.Stderr);
        await before.AssertUnchangedAndServingAsync(edge);
        output.WriteLine($"nginx {nginx}: script took {run.Elapsed.TotalMilliseconds:F0} ms and said:\n{run.Stderr}");
    }

    [Theory]
    [MemberData(nameof(Nginx))]
    public async Task A_staging_that_lacks_a_file_changes_nothing(string nginx)
    {
        var binary = InstalledNginx.Get(nginx);
        await using var edge = await StartEdgeAsync(binary);
        var before = Snapshot.Of(edge);
        var certificate = SelfSignedCertificate.Create([Host, "localhost"], TimeSpan.FromDays(30));
        // A copy cut short: without the check up front, nginx.conf and tls.crt were swapped in before the missing
        // key stopped the script, leaving live files no reload had validated (and a pair that does not match).
        var staged = Stage(edge, Render(edge, binary, certificate, ("sseReadTimeout", "30m")), certificate.CertificatePem, key: null);

        var run = await RunScriptAsync(edge, binary, staged);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("tls.key", run.Stderr);
        await before.AssertUnchangedAndServingAsync(edge);
    }

    /// <summary>What a rejected change must leave exactly as it was.</summary>
    private sealed record Snapshot(string Conf, byte[] ConfBytes, byte[] Certificate, byte[] Key, int Master, IReadOnlyList<int> Workers)
    {
        public static Snapshot Of(LocalEdge edge) => new(
            File.ReadAllText(LivePath(edge, "nginx.conf")),
            File.ReadAllBytes(LivePath(edge, "nginx.conf")),
            File.ReadAllBytes(LivePath(edge, NginxLayout.CertificateFile)),
            File.ReadAllBytes(LivePath(edge, NginxLayout.PrivateKeyFile)),
            edge.Nginx.ProcessId,
            edge.Nginx.WorkerProcessIds());

        public async Task AssertUnchangedAndServingAsync(LocalEdge edge)
        {
            Assert.Equal(ConfBytes, File.ReadAllBytes(LivePath(edge, "nginx.conf")));
            Assert.Equal(Certificate, File.ReadAllBytes(LivePath(edge, NginxLayout.CertificateFile)));
            Assert.Equal(Key, File.ReadAllBytes(LivePath(edge, NginxLayout.PrivateKeyFile)));
            Assert.False(edge.Nginx.HasExited);
            Assert.Equal(Master, edge.Nginx.ProcessId);
            // Nothing was reloaded: the same workers, none of them draining.
            Assert.Equal(Workers.Order(), edge.Nginx.WorkerProcessIds().Order());
            Assert.Equal(Thumbprint(edge.CertificatePem), await ServedThumbprintAsync(edge));
            // The client trusts only the original certificate.
            using var client = new EdgeClient(edge, Host);
            using var http = client.HttpClient();
            using var response = await http.GetAsync(client.Https("/api/whoami"), Within(10));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    // Every stream comes from this one address: no per-client stream limit, in the first file and the reloaded one.
    private static readonly (string Key, string Value) OneClientHoldsAll = ("streamsPerClient", "0");

    private static Task<LocalEdge> StartEdgeAsync(NginxBinary binary) =>
        LocalEdge.StartAsync(Stacks.Minimal(("maxStreams", LocalEdgeFixture.MaxStreams), OneClientHoldsAll), binary);

    /// <summary>A configuration for the running edge's backends, ports and nginx version, with <paramref name="changes"/>.</summary>
    private static string Render(LocalEdge edge, NginxBinary binary, SelfSignedCertificate.Pem certificate, params (string Key, string Value)[] changes)
    {
        var backends = edge.Backends;
        var values = LocalOverrides.Apply(
            Stacks.Minimal([("maxStreams", LocalEdgeFixture.MaxStreams), OneClientHoldsAll, .. changes]),
            $"{backends[0].Address},{backends[1].Address}", backends[2].Address, backends[3].Address,
            edge.Spec.Listen.HttpPort, edge.Spec.Listen.HttpsPort, edge.Spec.Metrics.StatusPort, binary.Version);
        values[EdgeConfigKeys.TlsCert.FullName] = certificate.CertificatePem;
        values[EdgeConfigKeys.TlsKey.FullName] = certificate.PrivateKeyPem;
        return NginxConfRenderer.Render(EdgeConfigBinder.Bind(values), NginxLayout.Local(edge.Directory));
    }

    /// <summary>Writes the files where the script expects them, inside the edge's directory as in the container.</summary>
    private static string Stage(LocalEdge edge, string conf, string certificate, string? key)
    {
        var staged = Path.Combine(edge.Directory, ".next");
        Directory.CreateDirectory(staged);
        File.WriteAllText(Path.Combine(staged, "nginx.conf"), conf);
        File.WriteAllText(Path.Combine(staged, "tls.crt"), certificate);
        if (key is not null) File.WriteAllText(Path.Combine(staged, "tls.key"), key);
        return staged;
    }

    private sealed record ScriptRun(int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed);

    private static async Task<ScriptRun> RunScriptAsync(LocalEdge edge, NginxBinary binary, string staged)
    {
        var script = ConfigurationReload.Script(edge.Directory, staged, [binary.Path, .. NginxBinary.Arguments(edge.Directory)]);
        var info = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(script);
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start /bin/sh");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync(Within(60));
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the reload script did not finish within 60s:\n{script}");
        }
        watch.Stop();
        return new ScriptRun(process.ExitCode, await stdout, await stderr, watch.Elapsed);
    }

    /// <summary>The thumbprint of the certificate a new TLS connection to the edge (SNI = the domain) is served.</summary>
    private static async Task<string> ServedThumbprintAsync(LocalEdge edge)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, edge.Spec.Listen.HttpsPort, Within(10));
        string? served = null;
        await using var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false, (_, certificate, _, _) =>
        {
            served = certificate?.GetCertHashString();
            return true;
        });
        // A resumed session would not send the certificate again, and the one seen would be the first session's.
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = Host, AllowTlsResume = false }, Within(10));
        return served ?? throw new InvalidOperationException("the edge presented no certificate");
    }

    /// <summary>SSE streams that deliver an event after now: waits up to three event intervals for every one.</summary>
    private static async Task<int> SseDeliveringAfterNowAsync(HeldStreams streams)
    {
        var mark = Stopwatch.GetTimestamp();
        var deadline = Stopwatch.StartNew();
        int delivering;
        while ((delivering = streams.SseDeliveringSince(mark)) < streams.HeldSse && deadline.Elapsed < 3 * SseInterval)
            await Task.Delay(100);
        return delivering;
    }

    private static void AssertOpenFilesAllow(int needed)
    {
        var limit = OpenFilesLimit.OfThisProcess();
        Assert.True(limit.Soft >= needed, $"this test holds about {needed} open files; raise the open-files limit (ulimit -n): {limit}");
    }

    private static string LivePath(LocalEdge edge, string relative) => Path.Combine(edge.Directory, relative);

    private static string Thumbprint(string certificatePem)
    {
        using var certificate = X509Certificate2.CreateFromPem(certificatePem);
        return certificate.Thumbprint;
    }

    /// <summary>Those of <paramref name="workers"/> that are alive and shutting down, waiting (bounded) for all of them to be.</summary>
    private static async Task<int[]> DrainingAsync(IReadOnlyList<int> workers, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var draining = workers.Where(pid => CommandLine(pid).Contains("shutting down", StringComparison.Ordinal)).ToArray();
            if (draining.Length == workers.Count || waited.Elapsed > timeout) return draining;
            await Task.Delay(50);
        }
    }

    private static string CommandLine(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' '); }
        catch (IOException) { return ""; }
    }

    private static CancellationToken Within(int seconds) => new CancellationTokenSource(TimeSpan.FromSeconds(seconds)).Token;
}
