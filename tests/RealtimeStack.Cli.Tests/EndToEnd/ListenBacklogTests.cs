using System.Globalization;
using RealtimeStack.Cli.Tests.Support;
using RealtimeStack.Edge.Nginx;
using RealtimeStack.Edge.Tls;
using RealtimeStack.Local;
using Xunit.Abstractions;

namespace RealtimeStack.Cli.Tests.EndToEnd;

/// <summary>
/// The listen backlog on every installed nginx, read back from the kernel: every socket of the public listeners
/// (one per worker with reuseport) keeps an accept queue of min(backlog, net.core.somaxconn), with the catch-all
/// servers or without them. The status listener sets none and keeps nginx's default, 511.
/// </summary>
public sealed class ListenBacklogTests(ITestOutputHelper output)
{
    private const string MaxStreams = "3000";

    /// <summary>nginx's own backlog on Linux, where a listen directive sets none.</summary>
    private const int NginxDefaultBacklog = 511;

    public static TheoryData<string, string> Cases
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var nginx in InstalledNginx.All.Select(InstalledNginx.Name))
                foreach (var reject in new[] { "true", "false" }) data.Add(nginx, reject);
            return data;
        }
    }

    [Fact]
    public void Ss_reads_a_listeners_backlog_from_its_send_q()
    {
        var sockets = ListeningSockets.Parse("""
            State  Recv-Q Send-Q Local Address:Port Peer Address:Port Process
            LISTEN 0      3000       127.0.0.1:8080      0.0.0.0:*
            LISTEN 2      511            [::1]:8443         [::]:*
            """);
        Assert.Equal([new("127.0.0.1", 8080, 3000), new("[::1]", 8443, 511)], sockets);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Every_public_listening_socket_queues_the_rendered_backlog_as_far_as_somaxconn_allows(string nginx, string rejectUnknownHosts)
    {
        var binary = InstalledNginx.Get(nginx);
        var ports = FreePort.Take(3);
        var spec = Stacks.Spec(
            ("maxStreams", MaxStreams),
            ("rejectUnknownHosts", rejectUnknownHosts),
            ("httpPort", ports[0].ToString(CultureInfo.InvariantCulture)),
            ("httpsPort", ports[1].ToString(CultureInfo.InvariantCulture)),
            ("statusPort", ports[2].ToString(CultureInfo.InvariantCulture)),
            ("nginxVersion", binary.Version.ToString()));
        var backlog = spec.Capacity.ListenBacklog;
        Assert.Equal(3000, backlog);
        // The kernel caps every backlog at this namespace's somaxconn.
        var somaxconn = int.Parse(File.ReadAllText("/proc/sys/net/core/somaxconn").Trim(), CultureInfo.InvariantCulture);
        var expected = Math.Min(backlog, somaxconn);

        var directory = Directory.CreateTempSubdirectory("realtime-backlog-").FullName;
        try
        {
            var pem = SelfSignedCertificate.Create([Stacks.Domain], TimeSpan.FromDays(1));
            var files = new EdgeFiles(NginxConfRenderer.Render(spec, NginxLayout.Local(directory)), pem.CertificatePem, pem.PrivateKeyPem);
            await using var process = await NginxProcess.StartAsync(binary, directory, files, ports);
            var sockets = ListeningSockets.Read().Where(s => s.Address == "127.0.0.1" && ports.Contains(s.Port)).ToArray();
            output.WriteLine($"nginx {binary.Version}, rejectUnknownHosts {rejectUnknownHosts}, net.core.somaxconn {somaxconn}: "
                + string.Join(", ", sockets.Select(s => $"{s.Port} backlog {s.Backlog}")));

            foreach (var port in ports[..2])
            {
                var listening = sockets.Where(s => s.Port == port).ToArray();
                Assert.True(listening.Length > 0, $"nothing listens on 127.0.0.1:{port}:\n{process.Diagnostics()}");
                Assert.All(listening, s => Assert.True(s.Backlog == expected,
                    $"127.0.0.1:{port} (nginx {binary.Version}) queues {s.Backlog}; expected min(backlog {backlog}, net.core.somaxconn {somaxconn}) = {expected}"));
            }
            var status = Assert.Single(sockets, s => s.Port == ports[2]);
            Assert.True(status.Backlog == Math.Min(NginxDefaultBacklog, somaxconn),
                $"the status listener queues {status.Backlog}; expected nginx's default {NginxDefaultBacklog} (net.core.somaxconn {somaxconn})");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
