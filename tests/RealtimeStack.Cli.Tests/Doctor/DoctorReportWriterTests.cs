using System.Text.Json;
using RealtimeStack.Cli.Doctor;

namespace RealtimeStack.Cli.Tests.Doctor;

/// <summary>Which fixes a failed check prints, depending on the edge given or detected.</summary>
public sealed class DoctorReportWriterTests
{
    private static readonly CheckFix Fix = new("nginx directive", "ingress annotation", "gateway field");

    private static string Text(EdgeIdentity edge, CheckFix? fix = null)
    {
        var check = new CheckDefinition("sse-buffering", "SSE not buffered", "meaning", fix ?? Fix);
        var report = new DoctorReport("https://edge.test/", edge, [check.Fail("one burst after 3 s"), DoctorChecks.Http2.Pass("h2 chosen by ALPN")]);
        var output = new StringWriter();
        DoctorReportWriter.WriteText(report, output);
        return output.ToString();
    }

    private static string[] FixLines(string text) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("fix (", StringComparison.Ordinal)).ToArray();

    private static readonly EdgeIdentity Unknown = new(null, false, "the Server headers do not tell: api: Kestrel");

    [Fact]
    public void Without_a_known_edge_every_fix_is_printed_envoy_gateway_last()
    {
        Assert.Equal(["fix (nginx): nginx directive", "fix (ingress-nginx): ingress annotation", "fix (envoy-gateway): gateway field"], FixLines(Text(Unknown)));
    }

    [Fact]
    public void A_detected_envoy_gateway_puts_its_fix_first_and_hides_none()
    {
        var detected = new EdgeIdentity(EdgeKind.EnvoyGateway, false, "server: envoy on every answer");

        var text = Text(detected);

        Assert.Equal(["fix (envoy-gateway): gateway field", "fix (nginx): nginx directive", "fix (ingress-nginx): ingress annotation"], FixLines(text));
        Assert.StartsWith("edge doctor https://edge.test/ (edge: envoy-gateway; server: envoy on every answer)", text);
    }

    [Theory]
    [InlineData(EdgeKind.EnvoyGateway, "fix (envoy-gateway): gateway field")]
    [InlineData(EdgeKind.Nginx, "fix (nginx): nginx directive")]
    [InlineData(EdgeKind.IngressNginx, "fix (ingress-nginx): ingress annotation")]
    public void A_given_edge_prints_only_its_fix(EdgeKind kind, string only)
    {
        var text = Text(EdgeIdentity.FromOption(kind));

        Assert.Equal([only], FixLines(text));
        Assert.Contains($"(edge: {EdgeKindArgument.Name(kind)}; given with --edge)", text);
    }

    [Fact]
    public void Ingress_nginx_without_a_fix_of_its_own_gets_the_nginx_one() =>
        Assert.Equal(["fix (nginx): nginx directive"], FixLines(Text(EdgeIdentity.FromOption(EdgeKind.IngressNginx), Fix with { IngressNginx = null })));

    [Fact]
    public void Json_names_the_edge_and_keeps_every_fix()
    {
        var check = new CheckDefinition("sse-buffering", "SSE not buffered", "meaning", Fix);
        var report = new DoctorReport("https://edge.test/", EdgeIdentity.FromOption(EdgeKind.EnvoyGateway), [check.Fail("burst")]);
        var output = new StringWriter();

        DoctorReportWriter.WriteJson(DoctorReportWriter.JsonShape(report), output);

        using var json = JsonDocument.Parse(output.ToString());
        Assert.Equal("envoy-gateway", json.RootElement.GetProperty("edge").GetString());
        Assert.True(json.RootElement.GetProperty("edgeGiven").GetBoolean());
        var fix = json.RootElement.GetProperty("checks")[0].GetProperty("fix");
        Assert.Equal("gateway field", fix.GetProperty("envoyGateway").GetString());
        Assert.Equal("nginx directive", fix.GetProperty("nginx").GetString());
    }
}
