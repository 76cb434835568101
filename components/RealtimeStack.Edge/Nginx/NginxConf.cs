namespace RealtimeStack.Edge.Nginx;

/// <summary>A complete nginx.conf as data: the main-context directives, top to bottom.</summary>
public sealed record NginxConf(IReadOnlyList<Directive> Main)
{
    public IEnumerable<Directive> All => Main.SelectMany(d => d.Descendants().Prepend(d));

    public Directive Http => Main.Single(d => d.Name == "http");

    public IEnumerable<Directive> Servers => Http.Children("server");

    /// <summary>The TLS server that serves the edge's names: the one whose listen carries ssl and that is not the
    /// catch-all for other names.</summary>
    public Directive TlsServer => Servers.Single(s => s.Children("listen").Any(l => l.Args.Contains("ssl")) && !IsCatchAll(s));

    /// <summary>The servers that take requests for names the edge does not serve (listen … default_server).</summary>
    public IEnumerable<Directive> CatchAllServers => Servers.Where(IsCatchAll);

    private static bool IsCatchAll(Directive server) => server.Children("listen").Any(l => l.Args.Contains("default_server"));

    public Directive Location(string path) =>
        TlsServer.Children("location").Single(l => l.Args[^1] == path);

    /// <summary>
    /// The tree with <paramref name="edit"/> applied top-down: a directive it replaces (returns another object for)
    /// is not walked further; one it returns unchanged has its block walked. For tools that alter a rendered tree.
    /// </summary>
    public NginxConf Rewrite(Func<Directive, Directive> edit)
    {
        Directive Walk(Directive d)
        {
            var edited = edit(d);
            if (!ReferenceEquals(edited, d)) return edited;
            return d.Block is null ? d : d with { Block = d.Block.Select(Walk).ToArray() };
        }
        return new NginxConf(Main.Select(Walk).ToArray());
    }

    public override string ToString() => NginxConfWriter.Write(this);
}
