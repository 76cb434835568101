using System.Globalization;
using System.Runtime.InteropServices;
using RealtimeStack.Edge.Model;
using RealtimeStack.Edge.Nginx;

namespace RealtimeStack.Cli.Commands;

/// <summary>
/// <c>edge serve --stack NAME</c>: the stack's edge on this machine (nginx on 127.0.0.1 and free ports, in front of the
/// sample backends), kept up until Ctrl+C or SIGTERM (or <c>--for</c> seconds), with its URLs, its status URL, the
/// certificate to trust and ready-to-paste commands printed. Stopped by process id, everything it started.
/// </summary>
public static class ServeCommand
{
    public const string Usage = "edge serve --stack NAME [--set KEY=VALUE]... [--tls-cert FILE --tls-key FILE] [--for SECONDS]";

    public static int Run(IEnumerable<string> args, TextWriter stdout, TextWriter stderr)
    {
        var reader = new ArgReader(args);
        var stackArgs = StackArguments.Read(reader);
        var stack = stackArgs.Stack;
        var forArg = reader.Option("--for");
        reader.Done(Usage);
        var problems = new List<string>();
        if (stack is null) problems.Add("--stack NAME is required");
        TimeSpan? limit = null;
        if (forArg is not null)
        {
            if (int.TryParse(forArg, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is > 0 and <= 86_400) limit = TimeSpan.FromSeconds(seconds);
            else problems.Add($"--for '{forArg}' must be a number of seconds, 1 to 86400");
        }
        if (problems.Count > 0 || stack is null) throw new UsageException([.. problems, "usage: " + Usage]);

        if (CheckCommand.Start("serve", stack, stackArgs.LoadChecked(stderr), stderr) is not { } edge) return 1;
        using var stop = new CancellationTokenSource();
        // Ctrl+C and SIGTERM end the run (and nothing else): cancel the default, which would kill the process
        // before nginx and the backends are stopped.
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        var trust = Path.Combine(edge.Directory, "edge-ca.pem");
        var pid = edge.Nginx.ProcessId;
        try
        {
            File.WriteAllText(trust, edge.CertificatePem);
            Describe(stack, edge, trust, limit, stdout);
            stdout.Flush();
            try { Task.Delay(limit ?? Timeout.InfiniteTimeSpan, stop.Token).GetAwaiter().GetResult(); }
            catch (OperationCanceledException) { }
            return 0;
        }
        finally
        {
            Task.Run(async () => await edge.DisposeAsync()).GetAwaiter().GetResult();
            stderr.WriteLine($"serve: stopped nginx (pid {pid}) and the sample backends");
        }

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }

    private static void Describe(string stack, LocalEdges.LocalEdge edge, string trust, TimeSpan? limit, TextWriter stdout)
    {
        var spec = edge.Spec;
        var host = CheckCommand.HostFor(spec);
        var https = $"https://{host}:{InvariantText.Of(spec.Listen.HttpsPort)}/";
        var resolve = $"--resolve {host}:{InvariantText.Of(spec.Listen.HttpsPort)}:127.0.0.1";
        var status = spec.Metrics.Enabled ? StatusServer.Url(spec.Metrics) : null;
        stdout.WriteLine($"edge serve stack {stack}: nginx {edge.Nginx.Binary.Version} (pid {edge.Nginx.ProcessId}) on 127.0.0.1 in front of " +
                         $"{string.Join(", ", edge.Backends.Select(b => b.Options.InstanceId))}, {(limit is { } l ? $"for {l.TotalSeconds:F0} s" : "until Ctrl+C")}");
        stdout.WriteLine($"  https   {https}   (the stack's name, served on 127.0.0.1)");
        stdout.WriteLine($"  http    http://{host}:{InvariantText.Of(spec.Listen.HttpPort)}/");
        if (status is not null) stdout.WriteLine($"  status  {status}");
        stdout.WriteLine($"  trust   {trust}   ({(edge.GeneratedCertificate is null ? "the stack's certificate" : "a self-signed certificate made for this run")})");
        stdout.WriteLine("try:");
        stdout.WriteLine($"  curl --cacert {trust} {resolve} {https}api/hello");
        stdout.WriteLine($"  curl -N --cacert {trust} {resolve} {https}sse/chat");
        if (status is not null) stdout.WriteLine($"  dotnet run --project tools/edge -- status {status} --watch 2");
        stdout.WriteLine($"  dotnet run --project tools/edge -- doctor {https} --ca {trust} --connect-to 127.0.0.1 --http-port {InvariantText.Of(spec.Listen.HttpPort)}");
    }
}
