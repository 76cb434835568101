using RealtimeStack.Cli.Tests.Support;
using RealtimeStack.Local;

namespace RealtimeStack.Cli.Tests.Doctor;

/// <summary>Bad arguments and an unreachable URL: exit 2, a clear message on stderr, no stack trace, no report.</summary>
public sealed class DoctorArgumentTests
{
    [Theory]
    [InlineData("the URL to diagnose is missing")]
    [InlineData("give the https URL (https://example.com/)", "http://example.com/")]
    [InlineData("give the edge's https URL (https://example.com/, or with its HTTPS port): 8080 is its plain HTTP port, which the doctor takes as --http-port 8080", "http://example.com:8080/")]
    [InlineData("is a URL of the edge's /sse/ route, not the edge: give its base URL (https://example.com/)", "https://example.com/sse/chat")]
    [InlineData("is a URL of the edge's /ws/ route, not the edge: give its base URL (https://example.com:8443/)", "https://example.com:8443/ws")]
    [InlineData("is not an absolute https URL", "example.com")]
    [InlineData("must be the edge's base URL", "https://example.com/?x=1")]
    [InlineData("--duration '0' must be a number of seconds", "https://example.com/", "--duration", "0")]
    [InlineData("--http-port '70000' must be a port number", "https://example.com/", "--http-port", "70000")]
    [InlineData("--http-port 443 is the HTTPS port itself", "https://example.com/", "--http-port", "443")]
    [InlineData("--connect-to 'localhost' must be an IP address", "https://example.com/", "--connect-to", "localhost")]
    [InlineData("--ca /nonexistent/ca.pem: file not found", "https://example.com/", "--ca", "/nonexistent/ca.pem")]
    [InlineData("--edge 'traefik' must be one of nginx|ingress-nginx|envoy-gateway", "https://example.com/", "--edge", "traefik")]
    [InlineData("--edge needs a value", "https://example.com/", "--edge")]
    [InlineData("unknown argument '--verbose'", "https://example.com/", "--verbose")]
    [InlineData("unknown argument 'https://second.example/'", "https://example.com/", "https://second.example/")]
    public async Task Bad_arguments_exit_2_with_the_problem_and_the_usage(string problem, params string[] args)
    {
        var run = await CommandRun.RunAsync(["doctor", .. args]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.StartsWith("error: ", run.Stderr);
        Assert.Contains(problem, run.Stderr);
        Assert.Contains("usage: edge doctor URL", run.Stderr);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public async Task A_ca_file_without_a_certificate_is_a_bad_argument()
    {
        var file = Path.Combine(Path.GetTempPath(), $"edge-doctor-empty-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(file, "not a certificate\n");
        try
        {
            var run = await CommandRun.RunAsync("doctor", "https://example.com/", "--ca", file);
            Assert.True(run.ExitCode == 2, run.ToString());
            Assert.Contains($"--ca {file}: no certificate", run.Stderr);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task An_unreachable_url_exits_2_with_a_clear_message_and_no_stack_trace()
    {
        var port = FreePort.Next(); // nothing listens there

        var run = await CommandRun.RunAsync("doctor", $"https://127.0.0.1:{port}/", "--insecure");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.StartsWith($"error: cannot reach https://127.0.0.1:{port}: ", run.Stderr);
        Assert.Contains("refused", run.Stderr, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", run.Stderr);
        Assert.DoesNotContain("Exception", run.Stderr);
        Assert.Empty(run.Stdout);
    }
}
