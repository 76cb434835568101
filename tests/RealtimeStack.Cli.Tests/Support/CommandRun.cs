using System.Globalization;
using System.Text.Json;
using RealtimeStack.Cli.LocalEdges;

namespace RealtimeStack.Cli.Tests.Support;

/// <summary>One in-process run of the <c>edge</c> command line: exit code and both outputs.</summary>
public sealed record CommandRun(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Generous for a doctor run (about 5 s here), short enough that a hang fails the test instead of the suite.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    public static async Task<CommandRun> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await Task.Run(() => EdgeCommand.Run(args, stdout, stderr)).WaitAsync(Limit);
        return new CommandRun(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>A run from the repository root, as a user runs <c>edge</c> there (for tests that are not async).</summary>
    public static CommandRun FromRoot(params string[] args)
    {
        using (new WorkingDirectory(RepoPaths.Root)) return RunAsync(args).GetAwaiter().GetResult();
    }

    /// <summary>
    /// <c>edge doctor</c> against a local edge as a user would point it at a deployed one: the edge's own name in the
    /// URL (SNI, Host and server_name as in production), connected to 127.0.0.1, its certificate trusted with --ca.
    /// </summary>
    public static async Task<CommandRun> DoctorAsync(LocalEdge edge, TimeSpan idle, bool json = true)
    {
        var ca = Path.Combine(Path.GetTempPath(), $"edge-doctor-ca-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(ca, edge.CertificatePem);
        try
        {
            string[] args =
            [
                "doctor", $"https://{LocalStacks.Host}:{edge.Spec.Listen.HttpsPort}/",
                "--connect-to", "127.0.0.1",
                "--ca", ca,
                "--http-port", edge.Spec.Listen.HttpPort.ToString(CultureInfo.InvariantCulture),
                "--duration", idle.TotalSeconds.ToString(CultureInfo.InvariantCulture),
            ];
            return await RunAsync(json ? [.. args, "--json"] : args);
        }
        finally
        {
            File.Delete(ca);
        }
    }

    /// <summary>Check id to status ("pass", "fail", "skip") from <c>--json</c> output.</summary>
    public IReadOnlyDictionary<string, string> Statuses(string? under = null)
    {
        using var json = JsonDocument.Parse(Stdout);
        var root = under is null ? json.RootElement : json.RootElement.GetProperty(under);
        return root.GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("id").GetString()!, c => c.GetProperty("status").GetString()!);
    }

    public IReadOnlyList<string> Failed(string? under = null) =>
        Statuses(under).Where(s => s.Value == "fail").Select(s => s.Key).Order(StringComparer.Ordinal).ToArray();

    /// <summary>A check's field from <c>--json</c> output ("measured", "reason", "fix").</summary>
    public JsonElement Check(string id, string? under = null)
    {
        using var json = JsonDocument.Parse(Stdout);
        var root = under is null ? json.RootElement : json.RootElement.GetProperty(under);
        return root.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("id").GetString() == id).Clone();
    }

    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}
