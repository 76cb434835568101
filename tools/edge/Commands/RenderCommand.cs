using RealtimeStack.Edge.Configuration;
using RealtimeStack.Edge.Model;
using RealtimeStack.Edge.Nginx;
using RealtimeStack.Local;
using RealtimeStack.Edge.Rendering;

namespace RealtimeStack.Cli.Commands;

/// <summary><c>edge render</c>: what a stack deploys: its nginx.conf (and certificate files, when given) for the container
/// layout in docker mode; in the cluster modes the charts' values and every Kubernetes object as YAML
/// (<c>--objects</c>: the objects alone, for <c>kubectl apply --dry-run=server -f -</c>).</summary>
public static class RenderCommand
{
    public const string Usage = "edge render --stack NAME [--set KEY=VALUE]... [--out DIR | --objects] [--tls-cert FILE --tls-key FILE]";

    public static int Run(IEnumerable<string> args, TextWriter stdout, TextWriter stderr)
    {
        var reader = new ArgReader(args);
        var stack = reader.Option("--stack");
        var sets = reader.Options("--set");
        var outDir = reader.Option("--out");
        var cert = reader.Option("--tls-cert");
        var key = reader.Option("--tls-key");
        var objectsOnly = reader.Flag("--objects");
        reader.Done(Usage);
        if (stack is null) throw new UsageException(["--stack NAME is required", "usage: " + Usage]);

        var values = StackConfigSource.Load(RepoRoot.Find(), stack, sets, cert, key);
        StackConfigSource.Warn(values, stderr);
        if (DeploymentConfigKeys.Mode.ValueIn(values) is "kubernetes" or "gateway") return RenderCluster(stack, values, outDir, objectsOnly, stdout, stderr);
        if (objectsOnly) throw new UsageException(["--objects prints a cluster mode's Kubernetes objects; a docker stack deploys an nginx.conf (leave --objects out)", "usage: " + Usage]);
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
    /// A kubernetes or gateway stack deploys no nginx.conf: what it renders is the charts' values and every object
    /// the component creates, validated as the component validates them (a missing backendImage is an error here too).
    /// </summary>
    private static int RenderCluster(string stack, IReadOnlyDictionary<string, string> values, string? outDir, bool objectsOnly, TextWriter stdout, TextWriter stderr)
    {
        var model = StackConfigSource.AsUsage(() => StackModel.Bind(values));
        if (outDir is not null) throw new UsageException([$"--out writes an nginx.conf, which {ModeName(model)} mode does not deploy: leave it out to print what the stack deploys", "usage: " + Usage]);
        var controller = model.Deployment.Mode == EdgeMode.Gateway ? "the Envoy Gateway charts' values, the Gateway API and Envoy Gateway objects" : "the ingress-nginx chart's values, the Ingresses";
        stderr.WriteLine(objectsOnly
            ? $"render: stack {stack} is {ModeName(model)} mode: every Kubernetes object it creates (YAML), without the charts' values"
            : $"render: stack {stack} is {ModeName(model)} mode: {controller}, the namespaces, the TLS Secret (values left out) and the backends' Deployments, Services and PodDisruptionBudgets (YAML, one document each), not an nginx.conf");
        stdout.Write(objectsOnly ? RenderedConfiguration.Objects(model) : RenderedConfiguration.Of(model));
        return 0;
    }

    private static string ModeName(StackModel model) => model.Deployment.Mode.ToString().ToLowerInvariant();
}
