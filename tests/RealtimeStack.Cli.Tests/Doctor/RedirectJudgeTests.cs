using RealtimeStack.Cli.Doctor;

namespace RealtimeStack.Cli.Tests.Doctor;

/// <summary>What counts as a correct HTTP to HTTPS redirect.</summary>
public sealed class RedirectJudgeTests
{
    private static readonly Uri Requested = new("http://edge.test:8080/api/edge-doctor?from=http&q=a%20b");
    private static readonly Uri Expected = new("https://edge.test:8443/api/edge-doctor?from=http&q=a%20b");

    private static CheckResult Judge(int? status, string? location, string? error = null) =>
        RedirectJudge.Judge(new RedirectObservation(Requested, Expected, status, location, error, null));

    [Theory]
    [InlineData(301)]
    [InlineData(308)]
    public void A_redirect_to_the_same_path_and_query_on_https_passes(int status) =>
        Assert.Equal(CheckStatus.Pass, Judge(status, "https://EDGE.test:8443/api/edge-doctor?from=http&q=a%20b").Status);

    [Theory]
    [InlineData(301, "/api/edge-doctor?from=http&q=a%20b")] // relative: stays on http
    [InlineData(301, "https://edge.test/api/edge-doctor?from=http&q=a%20b")] // lost the HTTPS port
    [InlineData(301, "https://edge.test:8443/")] // lost the path and query
    [InlineData(301, "https://edge.test:8443/api/edge-doctor")] // lost the query
    [InlineData(301, null)]
    [InlineData(200, null)]
    public void Anything_else_fails(int status, string? location) =>
        Assert.Equal(CheckStatus.Fail, Judge(status, location).Status);

    [Fact]
    public void Nothing_listening_fails_and_says_so()
    {
        var result = Judge(null, null, "Connection refused");
        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.Equal("nothing answers on http://edge.test:8080/api/edge-doctor?from=http&q=a%20b: Connection refused", result.Measured);
        Assert.NotNull(result.Fix);
    }

    [Fact]
    public void Without_a_derivable_http_port_the_check_is_skipped_with_why()
    {
        var result = RedirectJudge.Judge(new RedirectObservation(null, Expected, null, null, null, "pass --http-port N"));
        Assert.Equal(CheckStatus.Skip, result.Status);
        Assert.Equal("pass --http-port N", result.Reason);
    }
}
