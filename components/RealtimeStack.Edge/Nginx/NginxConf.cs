namespace RealtimeStack.Edge.Nginx;

/// <summary>A complete nginx.conf as data: the main-context directives, top to bottom.</summary>
public sealed record NginxConf(IReadOnlyList<Directive> Main)
{
    public IEnumerable<Directive> All => Main.SelectMany(d => d.Descendants().Prepend(d));

    public Directive Http => Main.Single(d => d.Name == "http");

    public IEnumerable<Directive> Servers => Http.Children("server");

    /// <summary>The TLS server: the one whose listen carries ssl.</summary>
    public Directive TlsServer => Servers.Single(s => s.Children("listen").Any(l => l.Args.Contains("ssl")));

    public Directive Location(string path) =>
        TlsServer.Children("location").Single(l => l.Args[^1] == path);

    public override string ToString() => NginxConfWriter.Write(this);
}
