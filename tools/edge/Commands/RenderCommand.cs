using RealtimeStack.Local;
using RealtimeStack.Edge.Nginx;

namespace RealtimeStack.Cli.Commands;

/// <summary><c>edge render</c>: a stack's nginx.conf (and certificate files, when given) for the container layout.</summary>
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
}
