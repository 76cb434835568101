using RealtimeStack.Edge.Configuration;
using RealtimeStack.Edge.Hosting;
using RealtimeStack.Edge.Model;
using RealtimeStack.Edge.Nginx;
using RealtimeStack.Local;

namespace RealtimeStack.Cli.Commands;

/// <summary><c>edge render</c>: what a stack deploys: its nginx.conf (and certificate files, when given) for the container
/// layout in docker mode; the controller values and Ingresses, or the Gateway API objects, in the cluster modes.</summary>
public static class RenderCommand
{
    public const string Usage = "edge render --stack NAME [--set KEY=VALUE]... [--out DIR] [--tls-cert FILE --tls-key FILE]";

    public static int Run(IEnumerable<string> args, TextWriter stdout, TextWriter stderr)
    {
        var reader = new ArgReader(args);
        var stack = reader.Option("--stack");
        var sets = reader.Options("--set");
        var outDir = reader.Option("--out");
        var cert = reader.Option("--tls-cert");
        var key = reader.Option("--tls-key");
        reader.Done(Usage);
        if (stack is null) throw new UsageException(["--stack NAME is required", "usage: " + Usage]);

        var values = StackConfigSource.Load(RepoRoot.Find(), stack, sets, cert, key);
        if (DeploymentConfigKeys.Mode.ValueIn(values) is "kubernetes" or "gateway") return RenderCluster(stack, values, outDir, stdout, stderr);
        var spec = StackConfigSource.Bind(values);
        var files = EdgeFiles.From(spec, NginxLayout.Container);
        if (outDir is null)
        {
            stdout.Write(files.NginxConf);
            return 0;
        }
        files.WriteTo(outDir);
        stderr.WriteLine($"wrote {Path.Combine(outDir, "nginx.conf")}" + (files.CertificatePem is null ? " (no certificate configured: supply tls/tls.crt and tls/tls.key)" : " and tls/"));
        return 0;
    }

    /// <summary>
    /// A kubernetes or gateway stack deploys no nginx.conf: what it renders is the controller's values and the
    /// Ingresses' routes and annotations (ingress-nginx), or the charts' values and every Gateway API and Envoy Gateway
    /// object (gateway), validated as the component validates them (a missing backendImage is an error here too).
    /// </summary>
    private static int RenderCluster(string stack, IReadOnlyDictionary<string, string> values, string? outDir, TextWriter stdout, TextWriter stderr)
    {
        var model = StackConfigSource.AsUsage(() => StackModel.Bind(values));
        if (outDir is not null) throw new UsageException([$"--out writes an nginx.conf, which {ModeName(model)} mode does not deploy: leave it out to print what the stack deploys", "usage: " + Usage]);
        stderr.WriteLine(model.Deployment.Mode == EdgeMode.Gateway
            ? $"render: stack {stack} is gateway mode: the Envoy Gateway chart values and every Gateway API and Envoy Gateway object it deploys (one section each), not an nginx.conf"
            : $"render: stack {stack} is kubernetes mode: the ingress-nginx controller values, the Ingresses' routes and annotations and the hosts it deploys (JSON), not an nginx.conf");
        stdout.Write(RenderedConfiguration.Of(model));
        return 0;
    }

    private static string ModeName(StackModel model) => model.Deployment.Mode.ToString().ToLowerInvariant();
}
