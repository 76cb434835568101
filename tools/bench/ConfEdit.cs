using RealtimeStack.Edge.Nginx;

namespace RealtimeStack.Benchmark;

/// <summary>Experiment-only edits of a rendered tree: a directive added to (or replacing its namesake in) one scope.</summary>
public static class ConfEdit
{
    /// <summary>Scopes: "main", "events", "http", "server" (the TLS server), or a location path ("/sse/", "/ws/").</summary>
    public static Func<NginxConf, NginxConf> Set(string scope, string name, params string[] args) => conf =>
    {
        var tls = conf.TlsServer;
        Func<Directive, bool> target = scope switch
        {
            "events" or "http" => d => d.Name == scope,
            "server" => d => ReferenceEquals(d, tls),
            _ => d => d.Name == "location" && d.Args.Count > 0 && d.Args[^1] == scope && IsWithin(tls, d),
        };
        var directive = Directive.Simple(name, args);
        if (scope == "main") return new NginxConf([.. conf.Main.Where(d => d.Name != name), directive]);
        return conf.Rewrite(d => d.Block is not null && target(d) ? Place(d, directive) : d);
    };

    private static bool IsWithin(Directive parent, Directive child) => parent.Descendants().Any(d => ReferenceEquals(d, child));

    private static Directive Place(Directive node, Directive directive)
    {
        var kept = node.Block!.Where(d => d.Name != directive.Name).ToList();
        // Before the first block child, so the file reads as the renderer's do (nginx accepts any order).
        kept.Insert(kept.FindIndex(d => d.Block is not null) is var i and >= 0 ? i : kept.Count, directive);
        return node with { Block = kept };
    }
}
