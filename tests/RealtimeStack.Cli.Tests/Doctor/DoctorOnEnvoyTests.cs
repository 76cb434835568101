using System.Text.Json;
using RealtimeStack.Cli.Tests.Support;

namespace RealtimeStack.Cli.Tests.Doctor;

/// <summary>The doctor against an edge that answers as Envoy does: detected as envoy-gateway, its fixes first.</summary>
public sealed class DoctorOnEnvoyTests
{
    private static async Task<CommandRun> DoctorAsync(EnvoyAnsweringServer server, params string[] more)
    {
        var ca = Path.Combine(Path.GetTempPath(), $"edge-doctor-ca-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(ca, server.CertificatePem);
        try
        {
            // No --http-port: the redirect check is skipped, so every answer comes from the server above.
            return await CommandRun.RunAsync(["doctor", $"https://{LocalStacks.Host}:{server.Port}/", "--connect-to", "127.0.0.1", "--ca", ca, "--duration", "0.1", .. more]);
        }
        finally
        {
            File.Delete(ca);
        }
    }

    private static string[] FixLines(CommandRun run) =>
        run.Stdout.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("fix (", StringComparison.Ordinal)).ToArray();

    [Fact]
    public async Task Server_envoy_on_every_answer_is_detected_and_the_envoy_gateway_fixes_come_first()
    {
        await using var server = await EnvoyAnsweringServer.StartAsync();

        var run = await DoctorAsync(server);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.StartsWith($"edge doctor https://{LocalStacks.Host}:{server.Port}/ (edge: envoy-gateway; server: envoy on every answer)", run.Stdout);
        Assert.Contains("  FAIL  sse-content-type", run.Stdout);
        var fixes = FixLines(run);
        Assert.StartsWith("fix (envoy-gateway): an HTTPRoute rule matching path PathPrefix /sse/", fixes[0]);
        Assert.Contains(fixes, f => f.StartsWith("fix (nginx): ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_json_report_names_the_detected_edge()
    {
        await using var server = await EnvoyAnsweringServer.StartAsync();

        var run = await DoctorAsync(server, "--json");

        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal("envoy-gateway", json.RootElement.GetProperty("edge").GetString());
        Assert.False(json.RootElement.GetProperty("edgeGiven").GetBoolean());
        Assert.Contains("PathPrefix /sse/", run.Check("sse-content-type").GetProperty("fix").GetProperty("envoyGateway").GetString());
    }

    [Fact]
    public async Task A_given_edge_wins_over_detection_and_prints_only_its_fixes()
    {
        await using var server = await EnvoyAnsweringServer.StartAsync();

        var run = await DoctorAsync(server, "--edge", "nginx");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("(edge: nginx; given with --edge)", run.Stdout);
        var fixes = FixLines(run);
        Assert.NotEmpty(fixes);
        Assert.All(fixes, f => Assert.StartsWith("fix (nginx): ", f));
    }
}
