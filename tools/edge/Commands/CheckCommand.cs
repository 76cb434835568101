using System.Net;
using System.Security.Cryptography.X509Certificates;
using RealtimeStack.Cli.Doctor;
using RealtimeStack.Cli.LocalEdges;
using RealtimeStack.Local;
using RealtimeStack.Edge.Configuration;
using RealtimeStack.Edge.Model;
using RealtimeStack.Edge.Nginx;

namespace RealtimeStack.Cli.Commands;

/// <summary>
/// <c>edge check --stack NAME</c>: the stack's configuration on this machine's nginx (<c>nginx -t</c>, then running on
/// 127.0.0.1 and free ports in front of the sample backends), diagnosed by the doctor, then everything stopped.
/// What CI runs for every stack file.
/// </summary>
public static class CheckCommand
{
    public const string Usage = "edge check --stack NAME [--set KEY=VALUE]... [--tls-cert FILE --tls-key FILE] [--duration S] [--json]";

    public static int Run(IEnumerable<string> args, TextWriter stdout, TextWriter stderr)
    {
        var reader = new ArgReader(args);
        var stackArgs = StackArguments.Read(reader);
        var stack = stackArgs.Stack;
        var durationArg = reader.Option("--duration");
        var json = reader.Flag("--json");
        reader.Done(Usage);
        var problems = new List<string>();
        var duration = DurationArgument.Parse(durationArg, problems);
        if (stack is null) problems.Add("--stack NAME is required");
        if (problems.Count > 0 || stack is null) throw new UsageException([.. problems, "usage: " + Usage]);

        var values = stackArgs.LoadChecked(stderr);
        if (Start("check", stack, values, stderr) is not { } edge) return 1;

        try
        {
            var options = Options(edge, duration ?? DoctorOptions.DefaultIdleDuration);
            var status = edge.Spec.Metrics.Enabled ? StatusServer.Url(edge.Spec.Metrics) : null;
            var summary = $"stack {stack}: nginx {edge.Nginx.Binary.Version} accepted the rendered configuration (nginx -t) and serves it on 127.0.0.1 " +
                          $"(https {edge.Spec.Listen.HttpsPort}, http {edge.Spec.Listen.HttpPort}{(status is null ? "" : $", status {status}")}) " +
                          $"in front of {string.Join(", ", edge.Backends.Select(b => b.Options.InstanceId))}";
            if (!json) stdout.WriteLine("edge check " + summary);
            // A cluster stack is checked through its nginx rendering: say what that leaves out.
            if (!json && ClusterNote(values) is { } note) stdout.WriteLine(note);
            var code = DoctorCommand.Diagnose(options, json, stdout, stderr, report => new
            {
                stack,
                nginx = edge.Nginx.Binary.Version.ToString(),
                configurationTest = "ok",
                doctor = DoctorReportWriter.JsonShape(report),
                status = status?.ToString(),
            });
            // The counters after the doctor's requests and streams, read as `edge status` reads them (text only: the
            // JSON report stays one object).
            if (status is not null && !json && StatusCommand.Run([status.ToString()], stdout, stderr) != 0) return 1;
            return code;
        }
        finally
        {
            var pid = edge.Nginx.ProcessId;
            Task.Run(async () => await edge.DisposeAsync()).GetAwaiter().GetResult();
            stderr.WriteLine($"check: stopped nginx (pid {pid}) and the sample backends");
        }
    }

    /// <summary>What a check on the local nginx does not exercise of a cluster stack, or null for a docker stack.</summary>
    public static string? ClusterNote(IReadOnlyDictionary<string, string> values) => DeploymentConfigKeys.Mode.ValueIn(values) switch
    {
        "gateway" => "note: this stack deploys Envoy Gateway (gateway mode); the check runs the same model rendered for nginx, so Envoy itself is not exercised (see docs/gateway.md for where Envoy differs)",
        "kubernetes" => "note: this stack deploys ingress-nginx (kubernetes mode); the check runs the same model rendered for plain nginx, not the controller's own nginx.conf",
        _ => null,
    };

    /// <summary>
    /// The stack's edge on this machine (nginx and the sample backends on 127.0.0.1), or null, the reason written, when
    /// nginx -t rejects the rendered file, nginx will not start, or there is no nginx. <paramref name="verb"/> prefixes
    /// the progress line.
    /// </summary>
    public static LocalEdge? Start(string verb, string stack, IReadOnlyDictionary<string, string> values, TextWriter stderr)
    {
        stderr.WriteLine($"{verb}: starting nginx and the sample backends for stack {stack} on 127.0.0.1...");
        try
        {
            return Task.Run(() => LocalEdge.StartAsync(values)).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is NginxNotFoundException or InvalidOperationException or TimeoutException)
        {
            stderr.WriteLine($"error: stack {stack}: {e.Message}");
            return null;
        }
    }

    /// <summary>
    /// The doctor's view of a local edge: the stack's own host name (so SNI, Host and server_name are the real ones)
    /// connected to 127.0.0.1, its certificate trusted, and the checks the stack itself rules out skipped.
    /// </summary>
    public static DoctorOptions Options(LocalEdge edge, TimeSpan idle)
    {
        var spec = edge.Spec;
        var host = HostFor(spec);
        var url = new Uri($"https://{host}:{spec.Listen.HttpsPort}/");
        var trusted = new X509Certificate2Collection();
        trusted.ImportFromPem(edge.CertificatePem);
        return new DoctorOptions(url, Insecure: false, trusted, spec.Listen.HttpPort, idle, IPAddress.Loopback)
        {
            Expectations = new DoctorExpectations(
                spec.Listen.RedirectHttpToHttps ? null : "the stack serves plain HTTP instead of redirecting (realtime:redirectHttp=false)",
                spec.Tls.Http2 ? null : "the stack turns HTTP/2 off (realtime:http2=false)",
                spec.Upstreams.Sse.Stickiness switch
                {
                    Stickiness.ClientIp => null,
                    Stickiness.Cookie => "the stack pins streams with ingress-nginx's affinity cookie (realtime:stickiness=cookie), which plain nginx does not have",
                    _ => "the stack does not pin streams (realtime:stickiness=none)",
                }),
        };
    }

    /// <summary>A name both the generated certificate and server_name cover: the first plain name, else one that
    /// fits a leading wildcard, else localhost (always in the generated certificate; nginx's default server).</summary>
    public static string HostFor(EdgeSpec spec)
    {
        if (spec.ServerNames.FirstOrDefault(n => !n.IsWildcard) is { } plain) return plain.Value;
        if (spec.ServerNames.FirstOrDefault(n => n.Value.StartsWith("*.", StringComparison.Ordinal)) is { } wildcard) return "wildcard" + wildcard.Value[1..];
        return "localhost";
    }
}
