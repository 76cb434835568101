using System.Globalization;
using RealtimeStack.Cli.Doctor;
using RealtimeStack.Cli.Tests.Support;

namespace RealtimeStack.Cli.Tests.Doctor;

/// <summary>How the doctor treats the certificate and the TLS port: an untrusted certificate is always reported,
/// --insecure only lets the other checks run.</summary>
public sealed class DoctorTlsTests(HealthyEdgeFixture fixture) : IClassFixture<HealthyEdgeFixture>
{
    private string Https => $"https://{LocalStacks.Host}:{fixture.Edge.Spec.Listen.HttpsPort}/";

    private string HttpPort => fixture.Edge.Spec.Listen.HttpPort.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task An_untrusted_certificate_fails_and_stops_the_https_checks_with_how_to_go_on()
    {
        var run = await CommandRun.RunAsync("doctor", Https, "--connect-to", "127.0.0.1", "--http-port", HttpPort, "--json");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal(["tls-trust"], run.Failed());
        Assert.Contains("self-signed", run.Check("tls-trust").GetProperty("measured").GetString());
        var statuses = run.Statuses();
        string[] measuredWithoutTrust = ["tls-protocol", "tls-name", "tls-expiry", "http2", "http-redirect"];
        Assert.All(measuredWithoutTrust, id => Assert.Equal("pass", statuses[id]));
        Assert.All(statuses.Keys.Except(measuredWithoutTrust).Except(["tls-trust"]), id =>
        {
            Assert.Equal("skip", statuses[id]);
            Assert.Contains("--insecure", run.Check(id).GetProperty("reason").GetString());
        });
    }

    [Fact]
    public async Task Insecure_runs_every_check_and_still_reports_the_certificate()
    {
        var run = await CommandRun.RunAsync("doctor", Https, "--connect-to", "127.0.0.1", "--http-port", HttpPort, "--duration", "1", "--insecure", "--json");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal(["tls-trust"], run.Failed());
        Assert.Contains("accepted for the other checks: --insecure", run.Check("tls-trust").GetProperty("measured").GetString());
        Assert.Equal(DoctorChecks.All.Count - 1, run.Statuses().Count(s => s.Value == "pass"));
    }

    [Fact]
    public async Task A_plain_http_port_given_as_https_is_named()
    {
        var run = await CommandRun.RunAsync("doctor", $"https://{LocalStacks.Host}:{HttpPort}/", "--connect-to", "127.0.0.1", "--json");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal(["tls-protocol"], run.Failed());
        Assert.Equal("handshake failed: the port answers plain HTTP, not TLS", run.Check("tls-protocol").GetProperty("measured").GetString());
    }
}
